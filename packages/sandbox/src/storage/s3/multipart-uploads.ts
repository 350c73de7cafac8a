import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import { problem, type Problem } from "../../problem.js";
import type { ObjectStore, S3PartRef, StoredObject } from "../../types.js";

/** S3's part rules: 1..10000, at most 5 GiB each, every part but the last at least 5 MiB. */
export const S3_PART_LIMITS = { minPartSize: 5 * 1024 ** 2, maxPartSize: 5 * 1024 ** 3, maxParts: 10_000 } as const;

export interface S3Part {
  number: number;
  path: string;
  size: number;
  md5: string;
  lastModified: number;
}

export interface S3Upload {
  id: string;
  /** Who stored the object (StoredObject.vendor): "s3" for S3 clients, "openim" for its server's uploads. */
  vendor: string;
  bucket: string;
  key: string;
  contentType: string | undefined;
  initiated: number;
  parts: Map<number, S3Part>;
}

const NO_SUCH_UPLOAD = problem(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.");
const unquote = (etag: string) => etag.replace(/^"|"$/g, "").toLowerCase();

/** Multipart uploads in flight on the sandbox S3: parts in scratch files until complete moves them into place. */
export class S3MultipartUploads {
  private readonly uploads = new Map<string, S3Upload>();
  /** ETags of objects completed from parts ("md5-of-md5s-N"), by bucket and key. */
  private readonly etags = new Map<string, string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly now: () => number,
    private readonly randomId: (bytes?: number) => string,
  ) {}

  create(bucket: string, key: string, contentType: string | undefined, vendor = "s3"): S3Upload {
    this.store.resolve(bucket, key);
    const upload: S3Upload = { id: this.randomId(24), vendor, bucket, key, contentType, initiated: this.now(), parts: new Map() };
    this.uploads.set(upload.id, upload);
    return upload;
  }

  /** The upload `id` names, if it is in flight for this bucket and key (any key when none is given). */
  find(id: string, bucket?: string, key?: string): S3Upload | Problem {
    const upload = this.uploads.get(id);
    if (!upload || (bucket !== undefined && (upload.bucket !== bucket || upload.key !== key))) return NO_SUCH_UPLOAD;
    return upload;
  }

  /** Uploads in flight in `bucket` whose key starts with `prefix`, oldest first (ListMultipartUploads). */
  inFlight(bucket: string, prefix: string): S3Upload[] {
    return [...this.uploads.values()].filter((upload) => upload.bucket === bucket && upload.key.startsWith(prefix)).sort((a, b) => a.initiated - b.initiated);
  }

  /** Keeps a received part, replacing (and removing) an earlier one with the same number. */
  async setPart(upload: S3Upload, part: Omit<S3Part, "lastModified">): Promise<void> {
    const replaced = upload.parts.get(part.number);
    upload.parts.set(part.number, { ...part, lastModified: this.now() });
    if (replaced) await rm(replaced.path, { force: true });
  }

  /** The checks S3 answers before it starts assembling (400s), in its order. */
  check(upload: S3Upload, refs: readonly S3PartRef[]): S3Part[] | Problem {
    if (refs.length === 0) return problem(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema.");
    if (refs.some((ref, i) => i > 0 && ref.number <= refs[i - 1]!.number)) {
      return problem(400, "InvalidPartOrder", "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
    }
    const parts: S3Part[] = [];
    for (const ref of refs) {
      const part = upload.parts.get(ref.number);
      if (!part || part.md5 !== unquote(ref.etag)) {
        return problem(
          400,
          "InvalidPart",
          "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
        );
      }
      parts.push(part);
    }
    if (parts.slice(0, -1).some((part) => part.size < S3_PART_LIMITS.minPartSize)) {
      return problem(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.");
    }
    return parts;
  }

  /** Moves the checked parts into place as the object; parts left out of the list are dropped, as S3 does. */
  async assemble(upload: S3Upload, parts: readonly S3Part[]): Promise<StoredObject> {
    this.uploads.delete(upload.id);
    const kept = new Set(parts.map((part) => part.number));
    await Promise.all([...upload.parts.values()].filter((part) => !kept.has(part.number)).map((part) => rm(part.path, { force: true })));
    const object = await this.store.assemble({
      vendor: upload.vendor,
      bucket: upload.bucket,
      key: upload.key,
      parts: parts.map((part) => part.path),
      ...(upload.contentType === undefined ? {} : { contentType: upload.contentType }),
      known: {},
    });
    const md5s = createHash("md5");
    for (const part of parts) md5s.update(Buffer.from(part.md5, "hex"));
    this.etags.set(`${upload.bucket}\0${upload.key}`, `${md5s.digest("hex")}-${parts.length}`);
    return object;
  }

  async complete(id: string, refs: readonly S3PartRef[]): Promise<StoredObject | Problem> {
    const upload = this.find(id);
    if (!("parts" in upload)) return upload;
    const parts = this.check(upload, refs);
    return "status" in parts ? parts : this.assemble(upload, parts);
  }

  async abort(upload: S3Upload): Promise<void> {
    this.uploads.delete(upload.id);
    await Promise.all([...upload.parts.values()].map((part) => rm(part.path, { force: true })));
  }

  etag(object: StoredObject): string {
    const multipart = this.etags.get(`${object.bucket}\0${object.key}`);
    return multipart !== undefined && object.md5 === undefined ? multipart : (object.md5 ?? "");
  }
}
