import type { ServerResponse } from "node:http";
import { xmlDocument } from "../storage/xml.js";

/** Writes a JSON answer (shared by the KooDrive and PDS API routes). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json;charset=UTF-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** S3/OBS/OSS-style XML error document (the KooDrive and PDS storage nodes share it). */
export function sendXmlError(res: ServerResponse, status: number, fields: Record<string, string>, headers: Record<string, string> = {}): void {
  const text = xmlDocument("Error", fields);
  res.writeHead(status, { "content-type": "application/xml", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
