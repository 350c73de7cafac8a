import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { loadAddonCores } from "./addon-cores.js";
import { InvalidHashStateError, MidstateHasher, initialState, nobleCores, type HashAlgorithm, type ShaCores } from "./hash-state.js";
import { EXECUTOR_ADDON } from "../../test/fixtures/executor-addon.js";

/** OpenSSL-computed vectors (copied from the project's shared vectors); inputs are regenerated from `generator`. */
interface VectorPart {
  partNumber: number;
  partOffset: number;
  partSize: number;
  h: number[];
}
interface Vector {
  name: string;
  bytes: number;
  generator: string;
  sha1: { digest: string; parts: VectorPart[] };
  sha256: { digest: string; parts: VectorPart[] };
}

const vectors = JSON.parse(readFileSync(new URL("../../test/fixtures/hash-midstates.json", import.meta.url), "utf8")) as Vector[];

function generate(vector: Vector): Uint8Array {
  const m = /^byte\[i\] = \(\(i\*(\d+) \+ (\d+)\) XOR \(i >> 8\)\) & 0xff$/.exec(vector.generator);
  if (!m) throw new Error(`unknown generator formula: ${vector.generator}`);
  const [mul, add] = [Number(m[1]), Number(m[2])];
  const out = new Uint8Array(vector.bytes);
  for (let i = 0; i < out.length; i++) out[i] = ((i * mul + add) ^ (i >> 8)) & 0xff;
  return out;
}

const cores: Array<[string, ShaCores]> = [
  ["noble", nobleCores],
  ["the executor's addon", loadAddonCores(fileURLToPath(new URL(EXECUTOR_ADDON, import.meta.url)))!],
];

describe.each(vectors)("midstate known answers: $name", (vector) => {
  const data = generate(vector);

  it.each(cores.flatMap(([name, core]) => (["sha1", "sha256"] as HashAlgorithm[]).map((algorithm) => [algorithm, name, core] as const)))(
    "%s with %s: every part's state and the final digest",
    (algorithm, _, core) => {
      expect(core).toBeTypeOf("function");
      const { parts, digest } = vector[algorithm];
      expect(parts[0]!.h).toEqual(initialState(algorithm).h);
      for (const [i, part] of parts.entries()) {
        const hasher = MidstateHasher.resume({ algorithm, h: part.h, offset: part.partOffset }, core);
        hasher.update(data.subarray(part.partOffset, part.partOffset + part.partSize));
        const next = parts[i + 1];
        if (next) {
          expect(hasher.exportState()).toEqual({ algorithm, h: next.h, offset: next.partOffset });
        } else {
          expect(hasher.digestHex()).toBe(digest);
        }
      }
      expect(createHash(algorithm).update(data).digest("hex")).toBe(digest);
    },
  );
});

describe("MidstateHasher", () => {
  it("feeding a part in odd-sized chunks gives the same end state as one update", () => {
    const data = new Uint8Array(4096).map((_, i) => (i * 7) & 0xff);
    const whole = MidstateHasher.resume(initialState("sha256")).update(data).exportState();
    const chunked = MidstateHasher.resume(initialState("sha256"));
    for (let at = 0; at < data.length; at += 37) chunked.update(data.subarray(at, at + 37));
    expect(chunked.exportState()).toEqual(whole);
  });

  it("has no exportable state in the middle of a block, yet can still finish", () => {
    const hasher = MidstateHasher.resume(initialState("sha1")).update(new Uint8Array(100));
    expect(hasher.exportState()).toBeUndefined();
    expect(hasher.digestHex()).toBe(createHash("sha1").update(new Uint8Array(100)).digest("hex"));
  });

  it("rejects states the protocol cannot carry", () => {
    const h = initialState("sha256").h;
    expect(() => MidstateHasher.resume({ algorithm: "sha256", h, offset: 100 })).toThrow(InvalidHashStateError);
    expect(() => MidstateHasher.resume({ algorithm: "sha256", h: h.slice(0, 5), offset: 0 })).toThrow(InvalidHashStateError);
    expect(() => MidstateHasher.resume({ algorithm: "sha1", h: [1, 2, 3, 4, 2 ** 32], offset: 0 })).toThrow(InvalidHashStateError);
    expect(() => MidstateHasher.resume({ algorithm: "sha1", h: [1, 2, 3, 4, -1], offset: 0 })).toThrow(InvalidHashStateError);
  });
});
