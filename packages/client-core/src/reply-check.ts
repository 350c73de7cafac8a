import { InvalidReplyError } from "./errors.js";

/** An ajv standalone validator (the generated src/generated/<vendor>-replies.ts): `errors` holds the first mismatch. */
export type ReplyValidator = ((data: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; message?: string; params?: Record<string, unknown> }> | null;
};

/** Validators by "METHOD /path status". */
export type ReplyValidators = Readonly<Record<string, ReplyValidator>>;

/** Throws InvalidReplyError naming the JSON pointer and what the spec expects there, unless `body` passes. */
export function checkReply(vendor: string, operation: string, validate: ReplyValidator | undefined, body: unknown): void {
  if (!validate || validate(body)) return;
  const first = validate.errors?.[0];
  const missing = first?.params?.["missingProperty"];
  const pointer = `${first?.instancePath ?? ""}${typeof missing === "string" ? `/${missing}` : ""}`;
  throw new InvalidReplyError(vendor, operation, pointer, typeof missing === "string" ? "is required" : (first?.message ?? "does not match the spec"));
}
