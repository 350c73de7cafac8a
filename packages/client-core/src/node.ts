// Node's entry (the "node" export condition): the same API, with vendorFetch sending over node:http by default.
import { nodeHttpFetch } from "./node-http-fetch.js";
import { vendorFetch as baseVendorFetch, type VendorFetchOptions } from "./vendor-fetch.js";

export * from "./index.js";
export { nodeHttpFetch };

/** vendorFetch on node:http(s) unless `options.fetch` is given (globalThis.fetch would load undici). */
export function vendorFetch(options: VendorFetchOptions = {}): (request: Request) => Promise<Response> {
  return baseVendorFetch({ ...options, fetch: options.fetch ?? nodeHttpFetch });
}
