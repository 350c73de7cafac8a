import type { components } from "./generated/cloudbase.js";

type Schemas = components["schemas"];

export type UploadInfoRequestItem = Schemas["UploadInfoRequestItem"];
export type UploadInfoSuccessItem = Schemas["UploadInfoSuccessItem"];
export type DownloadInfoRequestItem = Schemas["DownloadInfoRequestItem"];
export type DownloadInfoSuccessItem = Schemas["DownloadInfoSuccessItem"];
export type DeleteObjectsRequestItem = Schemas["DeleteObjectsRequestItem"];
export type DeleteObjectsSuccessItem = Schemas["DeleteObjectsSuccessItem"];
export type DeleteObjectsItemError = Schemas["DeleteObjectsItemError"];
export type ItemError = Schemas["ItemError"];
export type ErrorResponse = Schemas["ErrorResponse"];
export type CloudObjectId = Schemas["CloudObjectId"];
