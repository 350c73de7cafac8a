import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { crc32 } from "node:zlib";
import { problem, type Problem } from "../../problem.js";
import { UNSIGNED_PAYLOAD } from "./sigv4-header.js";

/** What a body's digests are checked against once it has streamed in. */
export interface PayloadCheck {
  onChunk(chunk: Uint8Array): void;
  /** The mismatch S3 answers, if any: signed SHA-256, Content-MD5 (against `md5`, the hex MD5 the store computed), x-amz-checksum-crc32. */
  verify(md5: string): Problem | undefined;
}

/**
 * The payload rules of a signed S3 write: `x-amz-content-sha256` is the body's SHA-256 (or UNSIGNED-PAYLOAD), and
 * Content-MD5 and x-amz-checksum-crc32, when sent, must match. Streaming (aws-chunked) payloads are not served. Only
 * the digests a header names are computed here.
 */
export function payloadCheck(headers: IncomingHttpHeaders): PayloadCheck | Problem {
  const declared = headers["x-amz-content-sha256"];
  const presigned = declared === undefined;
  if (!presigned && declared !== UNSIGNED_PAYLOAD && !/^[0-9a-f]{64}$/.test(declared as string)) {
    return problem(501, "NotImplemented", "The sandbox S3 accepts a hex SHA-256 or UNSIGNED-PAYLOAD in x-amz-content-sha256, not aws-chunked streaming payloads.");
  }
  const sha256 = presigned || declared === UNSIGNED_PAYLOAD ? undefined : createHash("sha256");
  const crcHeader = headers["x-amz-checksum-crc32"];
  let crc = 0;
  return {
    onChunk(chunk) {
      sha256?.update(chunk);
      if (crcHeader !== undefined) crc = crc32(chunk, crc);
    },
    verify(md5) {
      if (sha256 && sha256.digest("hex") !== declared) {
        return problem(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
      }
      const contentMd5 = headers["content-md5"];
      if (contentMd5 !== undefined && Buffer.from(md5, "hex").toString("base64") !== contentMd5) {
        return problem(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
      }
      if (crcHeader !== undefined) {
        const computed = Buffer.alloc(4);
        computed.writeUInt32BE(crc >>> 0);
        if (computed.toString("base64") !== crcHeader) return problem(400, "BadDigest", "The CRC32 you specified did not match the calculated checksum.");
      }
      return undefined;
    },
  };
}
