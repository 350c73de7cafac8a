// Node only: whole-source digests from node:crypto (OpenSSL), for digests that need no midstates.
import { createHash } from "node:crypto";
import type { WholeDigestFactory } from "./digest.js";

export const nodeWholeDigest: WholeDigestFactory = (algorithm) => {
  const hash = createHash(algorithm);
  return {
    update: (bytes) => hash.update(bytes),
    digestHex: () => hash.digest("hex"),
  };
};
