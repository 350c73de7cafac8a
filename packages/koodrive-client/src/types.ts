import type { components, operations } from "./generated/koodrive.js";

type Schemas = components["schemas"];

export type CreateFileRequest = Schemas["CreateFileRequest"];
export type CreateFileResponse = Schemas["CreateFileResponse"];
export type GetMultipartUploadUrlRequest = Schemas["GetMultipartUploadUrlRequest"];
export type GetMultipartUploadUrlResponse = Schemas["GetMultipartUploadUrlResponse"];
export type CompleteFileRequest = Schemas["CompleteFileRequest"];
export type CompleteFileResponse = Schemas["CompleteFileResponse"];
export type MultiPartInfo = Schemas["MultiPartInfo"];
/** SHA-256 midstate words h0..h7 (unsigned 32-bit) of all bytes before a part. */
export type HashCtx = Schemas["HashCtx"];
export type KoodriveErrorResponse = Schemas["ErrorResponse"];
export type ResultCode = Schemas["ResultCode"];
/** Header parameters shared by every operation. */
export type KoodriveRequestHeaders = operations["createFile"]["parameters"]["header"];
