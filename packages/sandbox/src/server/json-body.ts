import type { IncomingMessage } from "node:http";
import { BadJsonBodyError } from "../errors.js";

/** API bodies are small; anything larger is refused rather than buffered. */
const MAX_JSON_BYTES = 1024 * 1024;

/** Reads and parses a small JSON request body (an empty body is an error). */
export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  return parseJsonText(await readBodyText(req, maxBytes));
}

/** The body as text, refused past `maxBytes` (for checks that sign the raw bytes, e.g. KooDrive app auth). */
export async function readBodyText(req: IncomingMessage, maxBytes = MAX_JSON_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new BadJsonBodyError(`larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body read by readBodyText (an empty body is an error). */
export function parseJsonText(text: string): unknown {
  if (text.trim() === "") throw new BadJsonBodyError("the body is empty");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadJsonBodyError(error instanceof Error ? error.message : String(error));
  }
}
