import { createReadStream } from "node:fs";
import { crc64 } from "crc64-ecma182.js";

/**
 * CRC-64/ECMA-182 as OSS reports it (unsigned decimal) over files read in order: a compiled C implementation, so
 * the sandbox checks the uploader's own JavaScript CRC against an independent one.
 */
export async function crc64OfFiles(paths: readonly string[]): Promise<string> {
  let crc = "0";
  for (const path of paths) {
    for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 }) as AsyncIterable<Buffer>) crc = crc64(chunk, crc);
  }
  return crc;
}
