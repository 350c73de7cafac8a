import createClient from "openapi-fetch";

/**
 * openapi-fetch's `createClient`, in both builds. In the CJS build esbuild follows Node's interop, where a default
 * import of a CJS file is its whole `exports` object, so the function sits on its `default`.
 */
export const createOpenapiClient: typeof createClient =
  (createClient as unknown as { default?: typeof createClient }).default ?? createClient;
