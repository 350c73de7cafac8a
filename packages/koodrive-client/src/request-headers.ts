/** X-Date in KooDrive's `yyyyMMdd'T'HHmmss'Z'` form, always UTC. */
export function formatXDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * A random X-Traceid. The docs say the value "contains 58 bits" (zh: "必须58位"); we read that as 58 characters
 * (an inference) and send 29 random bytes as hex.
 */
export function newTraceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(29));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
