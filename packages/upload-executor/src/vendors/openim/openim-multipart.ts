import { DirectUploadError, type CallOptions } from "@direct-upload/client-core";
import type { OpenimClient, PartLimitResult, UploadInfo } from "@direct-upload/openim-client";
import { CheckpointMismatchError, PlanError } from "../../core/errors.js";
import type { EngineOptions } from "../../core/options.js";
import { layoutParts, type PartLayout } from "../../core/part-layout.js";
import type { MultipartPlan, PartTarget } from "../../core/plan.js";
import { resumeState } from "../flow-checkpoint.js";
import { callVendor, oneVendorCall, reportDone } from "../flow-engine.js";
import type { FlowOptions, UploadResult } from "../flow-types.js";
import { isMultipartState, uploadFlowParts } from "../multipart-flow.js";
import type { OpenimPartDigests } from "./openim-part-digests.js";
import { openimPartTargets } from "./openim-sign.js";

/** Parts the official SDK has signed per call (initiate's maxParts, auth_sign batches). */
const SIGN_BATCH = 20;
/** The SDK re-signs parts whose signature is older than a minute (MinIO's header signatures live 15). */
const SIGN_FRESH_MS = 60_000;

/** What an OpenIM multipart checkpoint adds to the engine's: the upload to complete and the part MD5s it needs. */
export interface OpenimMultipartState extends OpenimPartDigests {
  uploadId: string;
  name: string;
  /** A one-part file gets one presigned PUT (s3/cont InitiateUpload): it cannot be signed again, only re-initiated. */
  presigned: boolean;
}

const isOpenimState = isMultipartState((vendor): vendor is OpenimMultipartState => {
  const v = vendor as Partial<OpenimMultipartState> | null;
  return (
    typeof v?.uploadId === "string" &&
    typeof v.name === "string" &&
    typeof v.hash === "string" &&
    typeof v.sha256 === "string" &&
    Array.isArray(v.partMd5s) &&
    typeof v.presigned === "boolean"
  );
});

/** The part size openim-sdk-core derives from part_limit (the server derives the same and checks it). */
export function openimPartSize(size: number, limit: PartLimitResult): number {
  if (size > limit.maxPartSize * limit.maxNumSize) {
    throw new PlanError(`OpenIM's storage takes at most ${limit.maxPartSize * limit.maxNumSize} bytes in one upload; the file has ${size}`);
  }
  return size <= limit.minPartSize * limit.maxNumSize ? limit.minPartSize : Math.ceil(size / limit.maxNumSize);
}

export interface OpenimMultipartInput {
  client: OpenimClient;
  name: string;
  contentType: string | undefined;
  cause: string | undefined;
}

/**
 * part_limit → one read for the part MD5s and the SHA-256 → initiate_multipart_upload (an answer without `upload`:
 * the content is stored, nothing is sent) → parts on the shared engine, signed by auth_sign shortly before use →
 * complete_multipart_upload with the part MD5s.
 */
export async function uploadOpenimMultipart(options: FlowOptions, engine: EngineOptions, input: OpenimMultipartInput): Promise<UploadResult> {
  const { source } = options;
  const { client, name } = input;
  const resume = await resumeState(options, "openim", isOpenimState);
  if (resume && resume.vendor?.name !== name) throw new CheckpointMismatchError(`it is for ${String(resume.vendor?.name)}, not ${name}`);
  const call = <T>(fn: (options: CallOptions) => Promise<T>) => callVendor(engine, fn);
  const initiate = async (state: Pick<OpenimMultipartState, "hash">, parts: readonly PartLayout[], partSize: number) =>
    (
      await call((c) =>
        client.initiateMultipartUpload(
          {
            hash: state.hash,
            size: source.size,
            partSize,
            maxParts: Math.min(SIGN_BATCH, parts.length),
            name,
            ...(input.contentType ? { contentType: input.contentType } : {}),
            ...(input.cause ? { cause: input.cause } : {}),
          },
          c,
        ),
      )
    ).data;

  let parts: PartLayout[];
  let state: OpenimMultipartState;
  const signed = new Map<number, PartTarget>();
  let signedAt = 0;
  const keepSigns = (upload: UploadInfo) => {
    for (const target of upload.sign ? openimPartTargets(upload.sign) : []) signed.set(target.partNumber, target);
    signedAt = Date.now();
  };
  if (resume?.vendor) {
    parts = resume.parts;
    state = resume.vendor;
  } else {
    const limit = (await call((c) => client.partLimit(c))).data;
    const partSize = openimPartSize(source.size, limit);
    parts = layoutParts(source.size, { minPartSize: partSize, maxPartSize: partSize, maxParts: limit.maxNumSize, preferredPartSize: partSize }).parts;
    // Loaded here, so hash-wasm's MD5 stays out of pages that never upload to OpenIM in parts.
    const { digestParts } = await import("./openim-part-digests.js");
    const digests = await digestParts(source, parts, engine.signal);
    const answer = await initiate(digests, parts, partSize);
    if (!answer.upload) {
      // Content with this hash is stored: OpenIM recorded the name for it, and no byte was sent.
      reportDone(options, source.size);
      return { vendor: "openim", name, bytes: source.size, sha256: digests.sha256, url: answer.url ?? "", rapid: true };
    }
    if (answer.upload.partSize !== partSize) {
      throw new DirectUploadError("unexpected_response", `openim chose parts of ${answer.upload.partSize} bytes where part_limit gives ${partSize}`, {
        hint: "The server's part_limit and its own part size disagree; retry the upload",
      });
    }
    state = { ...digests, uploadId: answer.upload.uploadID, name, presigned: parts.length === 1 };
    keepSigns(answer.upload);
  }

  const plan: MultipartPlan<OpenimMultipartState> = {
    kind: "multipart",
    parts,
    vendor: state,
    async getPartTargets(requests, { renewing, signal }) {
      const fresh = !renewing && Date.now() - signedAt < SIGN_FRESH_MS;
      if (fresh && requests.every((r) => signed.has(r.number))) return requests.map((r) => signed.get(r.number)!);
      if (state.presigned) {
        // A presigned PUT cannot be signed again: a new initiate issues a new one, under a new upload id.
        const answer = await initiate(state, parts, parts[0]!.size);
        if (!answer.upload) throw new PlanError("openim already stores this content; upload it again to record the name");
        state.uploadId = answer.upload.uploadID;
        keepSigns(answer.upload);
        return requests.map((r) => signed.get(r.number)!);
      }
      const sign = (await oneVendorCall(engine, signal, (c) => client.authSign({ uploadID: state.uploadId, partNumbers: requests.map((r) => r.number) }, c))).data;
      return openimPartTargets(sign);
    },
    completePart(part, response) {
      const md5 = state.partMd5s[part.number - 1]!;
      const etag = response.headers.etag?.replace(/"/g, "").toLowerCase();
      if (etag !== undefined && etag !== md5) {
        throw new DirectUploadError("digest_mismatch", `part ${part.number} was stored with ETag ${etag}, not its MD5 ${md5}`, {
          hint: "The file changed while it was being uploaded; upload it again",
        });
      }
      return md5;
    },
  };
  await uploadFlowParts(options, "openim", plan, engine, resume);
  const { data } = await call((c) =>
    client.completeMultipartUpload(
      { uploadID: state.uploadId, parts: state.partMd5s, name, ...(input.contentType ? { contentType: input.contentType } : {}), ...(input.cause ? { cause: input.cause } : {}) },
      c,
    ),
  );
  return { vendor: "openim", name, bytes: source.size, sha256: state.sha256, url: data.url, uploadId: state.uploadId, key: `openim/data/hash/${state.hash}` };
}
