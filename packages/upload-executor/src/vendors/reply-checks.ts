import { InvalidReplyError } from "@direct-upload/client-core";

/** Where a reply's value came from, for the error: the vendor, its operation and the value's JSON pointer. */
export interface ReplyPlace {
  vendor: string;
  operation: string;
  pointer: string;
}

/** Storage addresses a vendor hands out must be absolute http(s) URLs; anything else is refused before use. */
export function checkedUrl(place: ReplyPlace, url: string): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    // not a URL at all
  }
  if (protocol !== "http:" && protocol !== "https:") throw new InvalidReplyError(place.vendor, place.operation, place.pointer, "must be an http(s) URL");
  return url;
}

/**
 * Part numbers of a reply list (`/list/<i>/<field>`): each one of `expected` at most once, and, when `complete`,
 * every expected one present.
 */
export function checkPartNumbers(
  place: Omit<ReplyPlace, "pointer"> & { list: string; field: string },
  numbers: ReadonlyArray<number | undefined>,
  expected: ReadonlySet<number>,
  complete: boolean,
): void {
  const seen = new Set<number>();
  numbers.forEach((number, i) => {
    const at = `${place.list}/${i}/${place.field}`;
    if (number === undefined || !expected.has(number)) throw new InvalidReplyError(place.vendor, place.operation, at, "must be one of the part numbers asked for");
    if (seen.has(number)) throw new InvalidReplyError(place.vendor, place.operation, at, `must not repeat part ${number}`);
    seen.add(number);
  });
  const missing = [...expected].filter((number) => !seen.has(number));
  if (complete && missing.length > 0) throw new InvalidReplyError(place.vendor, place.operation, place.list, `must hold part(s) ${missing.join(", ")}`);
}
