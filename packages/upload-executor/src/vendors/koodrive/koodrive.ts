import type { KoodriveClient } from "@direct-upload/koodrive-client";
import type { EngineOptions } from "../../core/options.js";
import type { MultipartPlan } from "../../core/plan.js";
import { resumeState } from "../flow-checkpoint.js";
import { callVendor, flowEngine, reportDone } from "../flow-engine.js";
import type { FlowOptions, UploadResult } from "../flow-types.js";
import { flowParts, isMultipartState, uploadFlowParts } from "../multipart-flow.js";
import { hashWhole, type WholeHash } from "../whole-hash.js";
import { KOODRIVE_PART_SIZING, koodrivePartTargets } from "./koodrive-parts.js";

export interface KoodriveUploadOptions extends FlowOptions {
  client: KoodriveClient;
  /** File name (default: the source name); KooDrive may rename it on a conflict, see `autoRename`. */
  name?: string;
  /** Parent folder ID (default "root"). */
  parentFolder?: string;
  /** Business file type, e.g. "20" video (default "45", other). */
  fileType?: string;
  /** Name conflicts: 2 rename with a timestamp (default), 3 refuse, 4 automatic (same name and content: nothing created). */
  autoRename?: 2 | 3 | 4;
  /**
   * Hash the whole file before create and send its sha256, so KooDrive can answer a flash upload (`rapid: true`, no
   * part sent). Off by default: KooDrive has no pre-hash at create, so it delays every first byte by a whole pass.
   * autoRename 4 always hashes first, since it compares the sha256.
   */
  flash?: boolean;
  /**
   * "parallel" (default): concurrent parts, each with the SHA-256 state before it. "serial": one part at a time in
   * order without partOffset or hashCtx (the uploadUrl page: they are "valid only during concurrent multipart
   * upload"), checked by the whole-file sha256 at complete.
   */
  mode?: KoodriveUploadMode;
}

export type KoodriveUploadMode = "parallel" | "serial";

/** What a KooDrive checkpoint adds to the engine's: the upload task to resume (KooDrive cannot list parts). */
export interface KoodriveUploadState {
  fileId: string;
  /** The name KooDrive gave the file. */
  name: string;
  /** Serial mode: parts in order without contexts. */
  serial?: true;
}

const isKoodriveState = isMultipartState((vendor): vendor is KoodriveUploadState => {
  const v = vendor as Partial<KoodriveUploadState> | null;
  return typeof v?.fileId === "string" && typeof v.name === "string" && (v.serial === undefined || v.serial === true);
});

/**
 * create (multipart) → multipart/uploadUrl in batches shortly before use, each part with its partOffset and the
 * SHA-256 state before it (hashCtx, from one hashing pass that runs ahead of the uploads) → PUTs with an exact
 * Content-Length → complete with the whole-file SHA-256, which KooDrive checks against the chain of parts. With
 * `flash` (or autoRename 4) the file is hashed first and a flash upload or an existing file ends at create. Serial
 * mode sends the parts one at a time in order, without offsets or contexts.
 */
export async function uploadToKoodrive(options: KoodriveUploadOptions): Promise<UploadResult> {
  const { client, source } = options;
  const engine = flowEngine(options);
  const resume = await resumeState(options, "koodrive", isKoodriveState);
  const parts = flowParts(source.size, KOODRIVE_PART_SIZING, options, resume);

  const whole: WholeHash | undefined =
    !resume && (options.flash || options.autoRename === 4)
      ? await hashWhole(
          source,
          parts.map((p) => p.offset),
          ["sha256"],
          engine.signal,
        )
      : undefined;
  const created = resume ? { task: resume.vendor! } : await createTask(options, engine, whole?.digests.sha256);
  if ("finished" in created) {
    reportDone(options, source.size);
    return created.finished;
  }
  const { task } = created;
  // Serial parts start where the previous one ended: one at a time, in order.
  if (task.serial) engine.concurrency = 1;
  const pass = whole?.pass;
  const plan: MultipartPlan<KoodriveUploadState> = {
    kind: "multipart",
    parts,
    vendor: task,
    midstates: { algorithms: ["sha256"], ...(pass ? { provider: () => pass } : {}) },
    getPartTargets: (requests, { signal }) => koodrivePartTargets(client, task, requests, engine, signal),
    // complete takes no part list: an ETag the browser's CORS rules hide is not needed.
    completePart: (_, response) => response.headers.etag ?? "",
  };
  const { digests, hashing, hasher } = await uploadFlowParts(options, "koodrive", plan, engine, resume);
  const sha256 = digests.sha256!;
  await callVendor(engine, (call) => client.completeFile({ fileId: task.fileId, sha256 }, call));
  return { vendor: "koodrive", name: task.name, bytes: source.size, sha256, vendorDigest: { algorithm: "sha256", hex: sha256 }, fileId: task.fileId, hashing, hasher };
}

/** create, with the whole-file sha256 when it is known: a flash upload or an existing file needs no parts. */
async function createTask(options: KoodriveUploadOptions, engine: EngineOptions, sha256: string | undefined): Promise<{ task: KoodriveUploadState } | { finished: UploadResult }> {
  const { source } = options;
  const name = options.name ?? source.name;
  const created = await callVendor(engine, (call) =>
    options.client.createFile(
      {
        fileName: name,
        fileType: options.fileType ?? "45",
        parentFolder: [options.parentFolder ?? "root"],
        length: source.size,
        uploadMode: "multipart",
        uploadType: 1,
        autoRename: options.autoRename ?? 2,
        ...(sha256 ? { sha256 } : {}),
        ...(source.type ? { mimeType: source.type } : {}),
      },
      call,
    ),
  );
  const task: KoodriveUploadState = { fileId: created.fileId, name: created.fileName ?? name, ...(options.mode === "serial" ? { serial: true as const } : {}) };
  if (sha256 && (created.rapidUpload || created.exist)) {
    const outcome = created.exist ? { existed: true } : { rapid: true };
    return { finished: { vendor: "koodrive", ...task, bytes: source.size, sha256, vendorDigest: { algorithm: "sha256", hex: sha256 }, ...outcome } };
  }
  return { task };
}
