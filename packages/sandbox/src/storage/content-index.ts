import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import type { ObjectStore, StoredObject } from "../types.js";

export type ContentAlgorithm = "sha1" | "sha256";

/** Bytes the PDS pre-hash covers (the whole file when smaller). */
const PRE_HASH_BYTES = 1024;

const ALGORITHMS: readonly ContentAlgorithm[] = ["sha1", "sha256"];

/**
 * The objects one drive already holds, by whole-file SHA-1 / SHA-256 and by the digest of their first 1 KiB:
 * what "rapid" (PDS) or "flash" (KooDrive) upload looks up. The empty content is always known, as the services
 * answer a 0-byte file as rapid on its first upload.
 */
export class ContentIndex {
  private readonly whole = new Map<string, StoredObject>();
  private readonly prefix = new Map<string, StoredObject[]>();
  private empty: Promise<StoredObject> | undefined;

  constructor(
    private readonly store: ObjectStore,
    private readonly place: { vendor: string; bucket: string; key: string },
  ) {}

  /** Records a stored object under its digests (an object without SHA-1 is found by SHA-256 only). */
  async add(object: StoredObject): Promise<void> {
    for (const algorithm of ALGORITHMS) {
      const hex = object[algorithm];
      if (hex) this.whole.set(`${algorithm}:${hex}`, object);
    }
    for (const [algorithm, hex] of Object.entries(await prefixDigests(object))) {
      const key = `${algorithm}:${hex}`;
      this.prefix.set(key, [...(this.prefix.get(key) ?? []), object]);
    }
  }

  /** The object with this whole-file digest (lower- or upper-case hex), if the drive has one. */
  async find(algorithm: ContentAlgorithm, hex: string): Promise<StoredObject | undefined> {
    const digest = hex.toLowerCase();
    if (digest === emptyDigest(algorithm)) return this.emptyObject();
    return this.whole.get(`${algorithm}:${digest}`);
  }

  /** Whether some object of `size` bytes starts with bytes whose digest is `hex`. */
  matchesPrefix(algorithm: ContentAlgorithm, hex: string, size: number | undefined): boolean {
    return (this.prefix.get(`${algorithm}:${hex.toLowerCase()}`) ?? []).some((object) => size === undefined || object.size === size);
  }

  private emptyObject(): Promise<StoredObject> {
    this.empty ??= this.store.put({ ...this.place, body: (async function* () {})() });
    return this.empty;
  }
}

function emptyDigest(algorithm: ContentAlgorithm): string {
  return createHash(algorithm).digest("hex");
}

/** Digests of the object's first PRE_HASH_BYTES (its first file holds them: parts but the last are far larger). */
async function prefixDigests(object: StoredObject): Promise<Partial<Record<ContentAlgorithm, string>>> {
  const first = object.files[0];
  if (first === undefined) return {};
  const file = await open(first, "r");
  try {
    const buffer = Buffer.alloc(Math.min(PRE_HASH_BYTES, object.size));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    return Object.fromEntries(ALGORITHMS.map((algorithm) => [algorithm, createHash(algorithm).update(head).digest("hex")]));
  } finally {
    await file.close();
  }
}
