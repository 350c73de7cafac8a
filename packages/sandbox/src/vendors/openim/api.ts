import type { IncomingMessage } from "node:http";
import type { Problem } from "../../problem.js";
import type { JsonApi } from "../../server/json-api-route.js";
import type { S3Credentials } from "../../storage/s3-post-object.js";
import type { SandboxContext } from "../../types.js";
import { OPENIM_ERRORS, openimProblem, sendOpenimError } from "./envelope.js";

/** The MinIO bucket of OpenIM's default object storage. */
export const OPENIM_BUCKET = "openim";

export interface OpenimCaller {
  userId: string;
  admin: boolean;
}

/** What the OpenIM routes share: the sandbox, the issued tokens and the MinIO key behind the forms. */
export interface OpenimState {
  ctx: SandboxContext;
  tokens: Map<string, OpenimCaller>;
  minio: S3Credentials;
}

/** The third service's JSON API: header auth, the envelope writer, and ArgsError for bodies that are not what the spec says. */
export function openimApi(state: OpenimState): JsonApi<OpenimCaller> {
  return {
    ctx: state.ctx,
    authenticate: (req) => authenticate(req, state.tokens),
    sendError: sendOpenimError,
    notJson: (reason) => openimProblem(OPENIM_ERRORS.args, reason),
    invalid: (problems) => openimProblem(OPENIM_ERRORS.args, problems.join("; ")),
  };
}

/** Header checks in the order of the gin middleware: operationID first, then token. */
function authenticate(req: IncomingMessage, tokens: Map<string, OpenimCaller>): OpenimCaller | Problem {
  const operationId = req.headers["operationid"];
  if (typeof operationId !== "string" || operationId === "") return openimProblem(OPENIM_ERRORS.args, "header must have operationID");
  const token = req.headers["token"];
  if (typeof token !== "string" || token === "") return openimProblem(OPENIM_ERRORS.args, "header must have token");
  const caller = tokens.get(token);
  if (caller) return caller;
  // A JWT-shaped token that is not in the token cache vs. something that cannot be parsed at all.
  return openimProblem(token.split(".").length === 3 ? OPENIM_ERRORS.tokenNotExist : OPENIM_ERRORS.tokenMalformed, "");
}

/** Object names are limited in UTF-8 bytes, not characters (checkValidObjectNamePrefix). */
const MAX_NAME_BYTES = 1024;

/** checkUploadName of internal/rpc/third/tool.go. */
export function checkUploadName(name: string, caller: OpenimCaller): Problem | undefined {
  if (name.startsWith("/")) return openimProblem(OPENIM_ERRORS.args, "name cannot start with `/`");
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return openimProblem(OPENIM_ERRORS.args, `name is longer than ${MAX_NAME_BYTES} bytes`);
  if (!caller.admin && !name.startsWith(`${caller.userId}/`)) return openimProblem(OPENIM_ERRORS.noPermission, `name must start with \`${caller.userId}/\``);
  return undefined;
}
