import { createHash } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createMidstateHasher, type Midstate } from "../hash/index.js";
import { layoutParts } from "../part-layout.js";
import { fromUint8Array } from "../source.js";
import { StorageServer } from "../../../test/helpers/storage-server.js";
import { testBytes } from "../../../test/helpers/test-bytes.js";
import { createNodeTransport } from "../transport/node.js";
import { uploadMultipart } from "./engine.js";

let server: StorageServer;
beforeEach(async () => void (server = await new StorageServer().start()));
afterEach(() => server.close());

// The default provider (core/hash) end to end: every part's URL carries the state before it, and the storage can
// chain them the way KooDrive and PDS do: state_k + part_k bytes = state_k+1, and the last part ends in the digest.
it("signs every part with the real chained midstates and returns the whole-file digests", async () => {
  const bytes = testBytes(4 * 64 * 1024 + 777, 21);
  const { parts } = layoutParts(bytes.byteLength, { minPartSize: 64 * 1024, maxPartSize: 1 << 30, maxParts: 100, align: 64 });
  const claimed = new Map<number, { sha1: Midstate; sha256: Midstate }>();
  server.arm("/kd/3", { kind: "expire-urls" });
  const result = await uploadMultipart(
    fromUint8Array(bytes, "f"),
    {
      kind: "multipart",
      parts,
      midstates: { algorithms: ["sha1", "sha256"], chunkSize: 10_000 },
      async getPartTargets(batch, { renewing }) {
        for (const part of batch) {
          const states = { sha1: part.midstates.sha1!, sha256: part.midstates.sha256! };
          if (renewing) expect(states).toEqual(claimed.get(part.number));
          claimed.set(part.number, states);
        }
        return batch.map((part) => ({ partNumber: part.number, url: `${server.url}/kd/${part.number}` }));
      },
    },
    { transport: createNodeTransport(), concurrency: 3 },
  );

  for (const alg of ["sha1", "sha256"] as const) {
    expect(result.digests[alg]).toBe(createHash(alg).update(bytes).digest("hex"));
    for (const part of parts) {
      const state = claimed.get(part.number)![alg];
      expect(state.offset).toBe(part.offset);
      const hasher = await createMidstateHasher(alg, part.number === 1 ? undefined : state);
      hasher.update(server.objects.get(`/kd/${part.number}`)!);
      if (part.number < parts.length) expect(hasher.midstate()).toEqual(claimed.get(part.number + 1)![alg]);
      else expect(hasher.digestHex()).toBe(result.digests[alg]);
    }
  }
  expect(result.checkpoint.midstates["2"]?.sha256).toEqual(claimed.get(2)!.sha256);
});
