import { readFile, rename, rm, writeFile } from "node:fs/promises";
import type { FlowCheckpoint } from "@direct-upload/upload-executor";
import { UsageError } from "./usage-error.js";

/** One unfinished upload: the executor's checkpoint plus where it was going, so a resume cannot cross targets. */
export interface CheckpointEntry {
  vendor: string;
  endpoint: string;
  checkpoint: FlowCheckpoint;
  savedAt: string;
}

interface CheckpointFile {
  version: 1;
  /** Keyed by the file's absolute path. */
  uploads: Record<string, CheckpointEntry>;
}

/** An entry as this CLI writes it; the executor checks the vendor state inside `checkpoint` itself. */
function isEntry(value: unknown): value is CheckpointEntry {
  const entry = value as Partial<CheckpointEntry> | null;
  const checkpoint = entry?.checkpoint as Partial<FlowCheckpoint> | null | undefined;
  return (
    typeof entry?.vendor === "string" &&
    typeof entry.endpoint === "string" &&
    typeof checkpoint?.fingerprint === "string" &&
    typeof checkpoint.vendor === "string" &&
    typeof checkpoint.size === "number"
  );
}

/**
 * The `--checkpoint` file. Every change is written atomically (temp file + rename), one write at a time in call
 * order, so a crash or Ctrl-C leaves either the previous or the new state, never half a file. The file is
 * removed once no upload is left in it.
 */
export class CheckpointStore {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly uploads: Map<string, CheckpointEntry>,
  ) {}

  static async open(path: string): Promise<CheckpointStore> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return new CheckpointStore(path, new Map());
      throw new UsageError(`cannot read the checkpoint file ${path}: ${(error as Error).message}`);
    }
    let parsed: Partial<CheckpointFile>;
    try {
      parsed = JSON.parse(text) as Partial<CheckpointFile>;
    } catch {
      throw new UsageError(`${path} is not a direct-upload checkpoint file (invalid JSON); pass another --checkpoint path or delete it`);
    }
    if (parsed.version !== 1 || typeof parsed.uploads !== "object" || parsed.uploads === null) {
      throw new UsageError(`${path} is not a direct-upload checkpoint file (version 1); pass another --checkpoint path or delete it`);
    }
    for (const [file, entry] of Object.entries(parsed.uploads)) {
      if (!isEntry(entry)) {
        throw new UsageError(`${path} holds a broken checkpoint for ${file}; delete that entry (or the whole file) and run again`);
      }
    }
    return new CheckpointStore(path, new Map(Object.entries(parsed.uploads)));
  }

  get(file: string): CheckpointEntry | undefined {
    return this.uploads.get(file);
  }

  get size(): number {
    return this.uploads.size;
  }

  set(file: string, entry: CheckpointEntry): Promise<void> {
    this.uploads.set(file, entry);
    return this.persist();
  }

  delete(file: string): Promise<void> {
    if (!this.uploads.delete(file)) return this.writes;
    return this.persist();
  }

  /** Resolves once every change made so far is on disk. */
  flush(): Promise<void> {
    return this.writes;
  }

  private persist(): Promise<void> {
    const snapshot: CheckpointFile = { version: 1, uploads: Object.fromEntries(this.uploads) };
    const write = this.writes.then(() => this.write(snapshot));
    // A failed write rejects its caller (the upload stops) but must not block the writes queued after it.
    this.writes = write.catch(() => undefined);
    return write;
  }

  private async write(snapshot: CheckpointFile): Promise<void> {
    if (Object.keys(snapshot.uploads).length === 0) {
      await rm(this.path, { force: true });
      return;
    }
    const temp = `${this.path}.${process.pid}.tmp`;
    // 0600: checkpoints can hold upload ids and presigned part URLs.
    await writeFile(temp, `${JSON.stringify(snapshot, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, this.path);
  }
}
