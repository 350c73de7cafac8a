import { escapeXml } from "../xml.js";

/** `<name>…</name>` around text (escaped) or nested elements (already XML). */
export function element(name: string, content: string | number | readonly string[]): string {
  const inner = Array.isArray(content) ? content.join("") : escapeXml(String(content));
  return `<${name}>${inner}</${name}>`;
}

/** An S3 result document: the declaration and the 2006-03-01 namespace on the root. */
export function s3Document(root: string, children: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${children.join("")}</${root}>`;
}

function decodeEntities(text: string): string {
  return text.replace(/&(quot|apos|lt|gt|amp|#34);/g, (_, name: string) => ({ quot: '"', "#34": '"', apos: "'", lt: "<", gt: ">", amp: "&" })[name] as string);
}

/** The <Part> entries of a CompleteMultipartUpload body, in document order; undefined when the body is not one. */
export function parseCompleteParts(xml: string): { number: number; etag: string }[] | undefined {
  if (!/<CompleteMultipartUpload[\s>]/.test(xml)) return undefined;
  const parts: { number: number; etag: string }[] = [];
  for (const [, body = ""] of xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const number = /<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(body)?.[1];
    const etag = /<ETag>([\s\S]*?)<\/ETag>/.exec(body)?.[1];
    if (number === undefined || etag === undefined) return undefined;
    parts.push({ number: Number(number), etag: decodeEntities(etag.trim()) });
  }
  return parts;
}
