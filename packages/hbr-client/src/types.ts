import type { components, operations } from "./generated/hbr.js";

type Schemas = components["schemas"];

/** The signed OSS PostObject form returned on success. */
export type CreateTempFileUploadUrlResponse = Schemas["TempFileUploadUrl"];
/** The 200 body as the spec describes it: the form, or a `Success: false` business failure. */
export type CreateTempFileUploadUrlBody = Schemas["CreateTempFileUploadUrlBody"];
export type HbrBusinessFailure = Schemas["BusinessFailure"];
export type HbrErrorResponse = Schemas["ErrorResponse"];
/** Header parameters of CreateTempFileUploadUrl (`client.headers()` builds them). */
export type CreateTempFileUploadUrlHeaders = operations["createTempFileUploadUrl"]["parameters"]["header"];
