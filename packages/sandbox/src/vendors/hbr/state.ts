import type { SandboxContext } from "../../types.js";
import type { Acs3Verifier } from "./acs3.js";

/** Everything the HBR routes share: the API key that signs RPC calls, the OSS key that signs forms, the temp bucket. */
export interface HbrState {
  ctx: SandboxContext;
  api: Acs3Verifier;
  oss: { accessKeyId: string; accessKeySecret: string };
  bucket: string;
  /** The account id in temp keys. */
  uid: string;
}
