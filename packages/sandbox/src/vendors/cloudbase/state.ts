import type { SandboxContext } from "../../types.js";

/** Everything the CloudBase routes share: the environment, its bucket and token, and what was issued per object. */
export interface CloudbaseState {
  ctx: SandboxContext;
  envId: string;
  bucket: string;
  token: string;
  cos: { secretId: string; secretKey: string };
  /** Most items one call takes; more is answered OBJECT_BATCH_TOO_LARGE. */
  batchLimit: number;
  /** Security token and file meta issued per object key (the latest issue wins). */
  issued: Map<string, { token: string; meta: string }>;
}
