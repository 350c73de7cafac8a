// Test-only midstate provider: the engine only passes midstates through, so tests use distinct, recognisable
// states (words derived from the boundary) and real whole-file digests from node:crypto.
import { createHash } from "node:crypto";
import type { MidstateProvider } from "../../src/core/multipart/midstates.js";

export function recordingMidstates() {
  const log = { starts: 0, cancelled: 0, asked: [] as number[] };
  const provider: MidstateProvider = (source, boundaries, algorithms, { signal }) => {
    log.starts++;
    return {
      async at(index, algorithm) {
        if (signal?.aborted) throw signal.reason;
        log.asked.push(index);
        const offset = boundaries[index]!;
        return { algorithm, h: Array.from({ length: algorithm === "sha1" ? 5 : 8 }, (_, i) => (offset + i) >>> 0), offset };
      },
      async digests() {
        const out: Record<string, string> = {};
        for (const alg of algorithms)
          out[alg] = createHash(alg)
            .update(await source.read(0, source.size))
            .digest("hex");
        return out;
      },
      cancel() {
        log.cancelled++;
      },
    };
  };
  return { provider, log };
}
