// Shared by the upload benches: a random source file, a file source, a KooDrive client for a sandbox, one plain PUT.
import { randomFillSync } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { request } from "node:http";
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { fromFile } from "../dist/node.js";

export const MiB = 1024 * 1024;

export async function writeRandomFile(path, size) {
  const file = await open(path, "w");
  const chunk = new Uint8Array(16 * MiB);
  for (let offset = 0; offset < size; offset += chunk.byteLength) await file.write(randomFillSync(chunk), 0, Math.min(chunk.byteLength, size - offset));
  await file.close();
}

/** Runs `use` with a file source for `path`, closing it afterwards. */
export async function withSource(path, use) {
  const source = await fromFile(path);
  try {
    return await use(source);
  } finally {
    await source.close();
  }
}

export function koodriveClient(sandbox) {
  const info = sandbox.vendors.koodrive;
  return createKoodriveClient({ baseUrl: info.baseUrl, userId: info.userId, auth: { type: "bearer", token: info.token } });
}

/**
 * A signed URL for the whole file as one part (untimed), then the timed step: one streamed PUT of it, no hashing on
 * this side (its end marked in `marks.partsStored`), then complete (so the sandbox assembles the object, as at the
 * end of the flow).
 */
export async function plainPut(client, path, size) {
  const { fileId } = await client.createFile({
    fileName: "baseline.bin",
    fileType: "45",
    parentFolder: ["root"],
    length: size,
    uploadMode: "multipart",
    uploadType: 1,
    autoRename: 2,
  });
  const { multiParts } = await client.getMultipartUploadUrl({ fileId, multiParts: [{ partNumber: 1, partSize: size, partOffset: 0 }] });
  return async (marks) => {
    await new Promise((resolve, reject) => {
      const req = request(multiParts[0].uploadUrl, { method: "PUT", headers: { "content-length": String(size) } }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`the plain PUT got HTTP ${res.statusCode}`))));
      });
      req.on("error", reject);
      createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(req);
    });
    marks.partsStored = process.hrtime.bigint();
    await client.completeFile({ fileId });
  };
}

const since = (start, end = process.hrtime.bigint()) => Number(end - start) / 1e9;

/**
 * Best of `rounds` wall-clock seconds for each contender, rounds interleaved so that the sandbox's growing disk use
 * and other load weigh on all alike. A contender's `prepare` (untimed) returns the timed step, which gets the marks.
 */
export async function best(contenders, rounds) {
  const fastest = Object.fromEntries(Object.keys(contenders).map((name) => [name, { seconds: Infinity }]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, prepare] of Object.entries(contenders)) {
      const step = await prepare();
      const marks = {};
      const start = process.hrtime.bigint();
      const value = await step(marks);
      const seconds = since(start);
      if (seconds < fastest[name].seconds) fastest[name] = { seconds, value, partsSeconds: marks.partsStored && since(start, marks.partsStored) };
    }
  }
  return fastest;
}
