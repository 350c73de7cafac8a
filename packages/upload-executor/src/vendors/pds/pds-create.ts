import { VendorApiError } from "@direct-upload/client-core";
import type { CreateFileRequest, CreateFileResponse, PdsClient } from "@direct-upload/pds-client";
import type { EngineOptions } from "../../core/options.js";
import { callVendor } from "../flow-engine.js";
import { pdsScope, type PdsLocation } from "./pds-parts.js";

/**
 * What to do when the name exists. `ignore`, `auto_rename` and `refuse` are the service's own; `overwrite` (a new
 * version of the existing file) and `skip` are the official SDK's, sent as `refuse` (`BaseUploader.js` `doCreate`).
 */
export type PdsConflictMode = "ignore" | "auto_rename" | "refuse" | "overwrite" | "skip";

/** Serial is the official SDK's default; parallel falls back to it on a domain without parallel upload. */
export type PdsUploadMode = "parallel" | "serial";

const PARALLEL_NOT_SUPPORTED = "InvalidParameterNotSupported.ParallelUpload";

export interface PdsCreateInput {
  client: PdsClient;
  engine: EngineOptions;
  location: PdsLocation;
  onConflict: PdsConflictMode | undefined;
  /** Builds the create body for a mode; the caller adds hashes and the parts the mode needs. */
  body: (serial: boolean) => CreateFileRequest;
  serial: boolean;
}

export type PdsCreated = { answer: CreateFileResponse; serial: boolean };

/**
 * create as the SDK sends it: a refused name answers `exist` (for `overwrite` create again with the existing
 * `file_id`), and a domain without parallel upload gets the same create in serial mode.
 */
export async function createPdsFile(input: PdsCreateInput): Promise<PdsCreated> {
  const { client, engine, location, onConflict } = input;
  const mode = onConflict === "overwrite" || onConflict === "skip" ? "refuse" : onConflict;
  const send = (serial: boolean, extra: Partial<CreateFileRequest> = {}) =>
    callVendor(engine, (call) => client.createFile({ ...input.body(serial), ...pdsScope(location), ...(mode ? { check_name_mode: mode } : {}), ...extra }, call));
  let serial = input.serial;
  let answer = await send(serial).catch((error: unknown) => {
    if (serial || !VendorApiError.is(error) || error.vendorCode !== PARALLEL_NOT_SUPPORTED) throw error;
    serial = true;
    return send(serial);
  });
  if (answer.exist && onConflict === "overwrite") answer = await send(serial, { file_id: answer.file_id });
  return { answer, serial };
}
