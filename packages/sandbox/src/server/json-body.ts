import type { IncomingMessage } from "node:http";
import { BadJsonBodyError } from "../errors.js";

/** API bodies are small; anything larger is refused rather than buffered. */
const MAX_JSON_BYTES = 1024 * 1024;

/** Reads and parses a small JSON request body (an empty body is an error). */
export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new BadJsonBodyError(`larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new BadJsonBodyError("the body is empty");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadJsonBodyError(error instanceof Error ? error.message : String(error));
  }
}
