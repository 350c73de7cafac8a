import type { components } from "./generated/pds.js";

type Schemas = components["schemas"];

export type CreateFileRequest = Schemas["CreateFileRequest"];
export type CreateFileResponse = Schemas["CreateFileResponse"];
export type GetUploadUrlRequest = Schemas["GetUploadUrlRequest"];
export type GetUploadUrlResponse = Schemas["GetUploadUrlResponse"];
export type ListUploadedPartsRequest = Schemas["ListUploadedPartsRequest"];
export type ListUploadedPartsResponse = Schemas["ListUploadedPartsResponse"];
export type CompleteFileRequest = Schemas["CompleteFileRequest"];
export type GetFileRequest = Schemas["GetFileRequest"];
export type PdsFile = Schemas["File"];
/** Wire values of `check_name_mode`; the SDK's overwrite and skip are client modes built on `refuse`. */
export type CheckNameMode = NonNullable<CreateFileRequest["check_name_mode"]>;
/** A part sent to createFile / getUploadUrl. */
export type PartInfoRequest = Schemas["PartInfoRequest"];
/** A part's upload target as returned by createFile, getUploadUrl and listUploadedParts. */
export type UploadPartInfo = Schemas["UploadPartInfo"];
export type CompletePartInfo = Schemas["CompletePartInfo"];
/** SHA-1 midstate `{h: [h0..h4], part_offset}` of all data before a part (`h: []` for part 1). */
export type ParallelSha1Ctx = Schemas["ParallelSha1Ctx"];
/** SHA-256 midstate `{h: [h0..h7], part_offset}` of all data before a part (`h: []` for part 1). */
export type ParallelSha256Ctx = Schemas["ParallelSha256Ctx"];
export type ContentHashName = Schemas["ContentHashName"];
export type PdsErrorResponse = Schemas["ErrorResponse"];
