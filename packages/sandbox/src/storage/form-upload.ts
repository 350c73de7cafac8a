import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import busboy from "busboy";
import { ProblemError } from "../problem.js";
import type { FormFields } from "./post-policy.js";

export interface ReceivedForm<T> {
  /** Result of `onFile`, undefined when the form had no file part. */
  result: T | undefined;
  /** Names of fields sent after the file part. */
  fieldsAfterFile: string[];
}

/**
 * Streams a multipart/form-data POST: collects the fields sent before the file part, then hands the file stream to
 * `onFile` (which verifies the form and streams the file to the store). A rejected `onFile` drains the rest.
 */
export async function receiveForm<T>(req: IncomingMessage, onFile: (fields: FormFields, file: Readable, fileFieldName: string) => Promise<T>): Promise<ReceivedForm<T>> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fields: 200, fieldSize: 64 * 1024 } });
  } catch {
    throw malformed();
  }
  const fields: FormFields = new Map();
  const fieldsAfterFile: string[] = [];
  let pending: Promise<T> | undefined;
  return new Promise((resolve, reject) => {
    parser.on("field", (name, value) => {
      if (pending) fieldsAfterFile.push(name);
      else fields.set(name.toLowerCase(), value);
    });
    parser.on("file", (name, stream) => {
      if (pending) {
        stream.resume();
        return;
      }
      pending = onFile(fields, stream, name);
      // A refused or failed file stops parsing: the rest of the body is drained, not stored.
      pending.catch((error: unknown) => stop(error));
    });
    const stop = (error: unknown) => {
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.once("error", () => stop(malformed()));
    parser.once("close", () => {
      if (!pending) return resolve({ result: undefined, fieldsAfterFile });
      pending.then((result) => resolve({ result, fieldsAfterFile }), reject);
    });
    req.pipe(parser);
  });
}

function malformed(): ProblemError {
  return new ProblemError(400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data.");
}
