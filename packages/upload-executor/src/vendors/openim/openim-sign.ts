import { DirectUploadError } from "@direct-upload/client-core";
import type { AuthSignParts, KeyValues } from "@direct-upload/openim-client";
import type { PartTarget } from "../../core/plan.js";

/** A reply whose `query`/`header` is not a list of {key, values[]} (e.g. the seed's {key, value}) is not OpenIM's protocol. */
function items(list: unknown, where: string): KeyValues[] {
  if (list === null || list === undefined) return [];
  const valid =
    Array.isArray(list) && list.every((item) => typeof item?.key === "string" && Array.isArray(item.values) && item.values.every((v: unknown) => typeof v === "string"));
  if (!valid) {
    throw new DirectUploadError("unexpected_response", `openim ${where} is not a list of {key, values[]} items`, {
      hint: "The server does not speak openimsdk/protocol third.proto KeyValues; check its version",
    });
  }
  return list as KeyValues[];
}

/**
 * The PUT for each signed part, built as the official SDK does: the part's URL or the common one; the common query
 * items, then the part's (replacing same-named ones); the common headers, then the part's.
 */
export function openimPartTargets(sign: AuthSignParts): PartTarget[] {
  const commonQuery = items(sign.query, "sign query");
  const commonHeader = items(sign.header, "sign header");
  return sign.parts.map((part) => {
    const url = new URL(part.url || sign.url || "");
    for (const { key, values } of [...commonQuery, ...items(part.query, `part ${part.partNumber} query`)]) {
      url.searchParams.delete(key);
      for (const value of values) url.searchParams.append(key, value);
    }
    const headers: Record<string, string> = {};
    for (const { key, values } of [...commonHeader, ...items(part.header, `part ${part.partNumber} header`)]) headers[key] = values.join(", ");
    return { partNumber: part.partNumber, url: url.toString(), method: "PUT" as const, headers };
  });
}
