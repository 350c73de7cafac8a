import { CheckpointMismatchError } from "../core/errors.js";
import { executePlan } from "../core/execute.js";
import { startMidstatePass } from "../core/hash/pass.js";
import type { HashingReport } from "../core/hash/types.js";
import type { EngineOptions } from "../core/options.js";
import type { FormPlan, PutPlan } from "../core/plan.js";
import type { SingleUploadResult } from "../core/single-request.js";
import { assertUnchanged, type UploadSource } from "../core/source.js";
import { emitCheckpoint, resumeState } from "./flow-checkpoint.js";
import { reportDone } from "./flow-engine.js";
import type { FlowOptions, UploadResult } from "./flow-types.js";

/**
 * The checkpoint state of a single-request flow, with the vendor's own fields (`Ref`: task id, object key...):
 * `requested` once the vendor issued the target, `uploaded` once the storage has the bytes (a resume sends nothing).
 */
export type SingleRequestState<Ref> = Ref & { name: string } & ({ stage: "requested" } | ({ stage: "uploaded"; sha256: string } & Partial<HashingReport>));

/** One vendor's part of a flow that asks its API for one upload target (a form or a PUT), then sends the file there. */
export interface SingleRequestFlow<Ref extends object, Plan extends PutPlan | FormPlan> {
  vendor: string;
  /** The object's name at the vendor; a checkpoint made for another name is refused. */
  name: string;
  /** Whether a stored state carries this vendor's fields (checkpoints come back from storage the caller controls). */
  isRef(state: Partial<Record<string, unknown>>): boolean;
  /** Asks the vendor for a target; asked again when the storage says the signature or policy expired. */
  request(): Promise<{ ref: Ref; plan: Plan }>;
  /** The result once the storage has the bytes, also straight after resuming an `uploaded` state. */
  finish(ref: Ref, sha256: string): UploadResult | Promise<UploadResult>;
}

/** request → checkpoint `requested` → send with digest → checkpoint `uploaded` → finish; a resumed `uploaded` only finishes. */
export async function uploadSingleRequest<Ref extends object, Plan extends PutPlan | FormPlan>(
  options: FlowOptions,
  engine: EngineOptions,
  flow: SingleRequestFlow<Ref, Plan>,
): Promise<UploadResult> {
  const { source } = options;
  const { vendor, name } = flow;
  const isState = (state: unknown): state is SingleRequestState<Ref> => {
    const s = state as Partial<Record<string, unknown>> | null;
    if (typeof s?.["name"] !== "string" || !flow.isRef(s)) return false;
    return s["stage"] === "requested" || (s["stage"] === "uploaded" && typeof s["sha256"] === "string");
  };
  const resumed = await resumeState(options, vendor, isState);
  if (resumed && resumed.name !== name) throw new CheckpointMismatchError(`it is for ${resumed.name}, not ${name}`);
  if (resumed?.stage === "uploaded") {
    reportDone(options, source.size);
    return { ...(await flow.finish(resumed, resumed.sha256)), hashing: resumed.hashing, hasher: resumed.hasher };
  }

  let ref: Ref | undefined;
  const request = async (): Promise<Plan> => {
    const issued = await flow.request();
    ref = issued.ref;
    await emitCheckpoint(options, vendor, { ...issued.ref, name, stage: "requested" } satisfies SingleRequestState<Ref>);
    return issued.plan;
  };
  const plan = await request();
  // An expired target needs a new request; for some vendors that is a new task, whose ref is the one to finish.
  plan.renew = request;
  const { sha256, hashing, hasher } = await uploadWithDigest(source, plan, engine);
  // Where the digest was hashed stays in the checkpoint, so a resume that only finishes reports it too.
  await emitCheckpoint(options, vendor, { ...ref!, name, stage: "uploaded", sha256, hashing, hasher } satisfies SingleRequestState<Ref>);
  return { ...(await flow.finish(ref!, sha256)), hashing, hasher };
}

/**
 * Sends a PUT or form plan while one SHA-256 pass reads the source alongside (in a Web Worker for browser Blobs),
 * so the digest costs no extra wall time on a network-bound upload.
 */
export async function uploadWithDigest(
  source: UploadSource,
  plan: PutPlan | FormPlan,
  engine: EngineOptions,
): Promise<{ response: SingleUploadResult; sha256: string } & HashingReport> {
  const fingerprint = await source.fingerprint();
  const pass = startMidstatePass(source, [0], [], {
    digests: ["sha256"],
    ...(engine.signal ? { signal: engine.signal } : {}),
    ...(engine.onWarning ? { onWarning: engine.onWarning } : {}),
  });
  try {
    const response = await executePlan(source, plan, engine);
    const { sha256 } = await pass.digests();
    await assertUnchanged(source, fingerprint);
    return { response, sha256: sha256!, ...(await pass.report()) };
  } catch (error) {
    pass.cancel();
    throw error;
  }
}
