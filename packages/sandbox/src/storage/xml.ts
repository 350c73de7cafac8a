/** Minimal XML writer for the flat error/result documents object stores answer with. */
export function escapeXml(value: string): string {
  // Text nodes only: quotes stay literal, as in OSS's `<Message>... ["eq", "$key", ...]</Message>`.
  return value.replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c] as string);
}

export function xmlDocument(root: string, fields: Record<string, string | undefined>): string {
  const body = Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${body}</${root}>`;
}
