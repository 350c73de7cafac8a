import { open, type FileHandle } from "node:fs/promises";
import { basename } from "node:path";
import { SourceChangedError, type UploadSource } from "./source.js";

/**
 * A file on disk, read by range through one FileHandle. A file that changes under the upload is detected where it
 * matters, not on every read: fingerprint() (asked at the start, after every part, at the end and on resume) checks
 * size and modification time against the opened file, and a read past a shortened end fails.
 */
export async function fromFile(path: string, options: { name?: string; type?: string } = {}): Promise<UploadSource> {
  const handle: FileHandle = await open(path, "r");
  const stat = await handle.stat();
  const name = options.name ?? basename(path);
  const readInto = async (start: number, end: number, target: Uint8Array) => {
    if (!(0 <= start && start <= end && end <= stat.size)) {
      throw new RangeError(`read(${start}, ${end}) is outside ${name} (${stat.size} bytes)`);
    }
    for (let filled = 0; filled < end - start; ) {
      const { bytesRead } = await handle.read(target, filled, end - start - filled, start + filled);
      if (bytesRead === 0) throw new SourceChangedError(name, `file is now shorter than ${stat.size} bytes`);
      filled += bytesRead;
    }
  };
  return {
    size: stat.size,
    name,
    type: options.type,
    async fingerprint() {
      const now = await handle.stat();
      if (now.size !== stat.size || now.mtimeMs !== stat.mtimeMs) throw new SourceChangedError(name, "size or modification time differs");
      return `file:${name}:${stat.size}:${stat.mtimeMs}:${stat.ino}`;
    },
    async read(start, end) {
      const buffer = new Uint8Array(end - start);
      await readInto(start, end, buffer);
      return buffer;
    },
    readInto,
    async close() {
      await handle.close();
    },
  };
}
