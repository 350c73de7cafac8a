/** The JSON OpenIM packs (unsigned) into the RawStd-base64 `id` of a form upload. */
export interface FormDataMate {
  name: string;
  size: number;
  contentType: string;
  group: string;
  key: string;
}

export function encodeMate(mate: FormDataMate): string {
  return Buffer.from(JSON.stringify(mate)).toString("base64").replace(/=+$/, "");
}

/** RawStd base64 (no padding) of the mate JSON; anything else is an invalid id. */
export function decodeMate(id: string): FormDataMate | undefined {
  if (!/^[A-Za-z0-9+/]+$/.test(id) || id.length % 4 === 1) return undefined;
  try {
    const mate = JSON.parse(Buffer.from(id, "base64").toString("utf8")) as Partial<FormDataMate>;
    if (typeof mate.name !== "string" || typeof mate.size !== "number" || typeof mate.key !== "string") return undefined;
    return mate as FormDataMate;
  } catch {
    return undefined;
  }
}
