import type { components } from "./generated/openim.js";

type Schemas = components["schemas"];

export type InitiateFormDataRequest = Schemas["InitiateFormDataRequest"];
export type InitiateFormDataResult = Schemas["InitiateFormDataResult"];
export type InitiateFormDataResponse = Schemas["InitiateFormDataResponse"];
export type CompleteFormDataRequest = Schemas["CompleteFormDataRequest"];
export type CompleteFormDataResult = Schemas["CompleteFormDataResult"];
export type CompleteFormDataResponse = Schemas["CompleteFormDataResponse"];
export type KeyValues = Schemas["KeyValues"];
export type PartLimitResult = Schemas["PartLimitResult"];
export type InitiateMultipartUploadRequest = Schemas["InitiateMultipartUploadRequest"];
export type InitiateMultipartUploadResult = Schemas["InitiateMultipartUploadResult"];
export type UploadInfo = Schemas["UploadInfo"];
export type AuthSignParts = Schemas["AuthSignParts"];
export type SignPart = Schemas["SignPart"];
export type AuthSignRequest = Schemas["AuthSignRequest"];
export type AuthSignResult = Schemas["AuthSignResult"];
export type CompleteMultipartUploadRequest = Schemas["CompleteMultipartUploadRequest"];
export type CompleteMultipartUploadResult = Schemas["CompleteMultipartUploadResult"];

/** An envelope the client has checked: `errCode` was 0, so `data` is there. */
export interface OpenimSuccess<T> {
  errCode: 0;
  errMsg: string;
  errDlt: string;
  data: T;
}
