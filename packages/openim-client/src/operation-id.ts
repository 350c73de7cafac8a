/**
 * A fresh `operationID`: a millisecond timestamp (what OpenIM recommends, so server logs sort by time)
 * plus a random suffix so two requests in the same millisecond never share an id.
 */
export function defaultOperationId(): string {
  const random = globalThis.crypto.getRandomValues(new Uint8Array(4));
  const suffix = Array.from(random, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${Date.now()}-${suffix}`;
}
