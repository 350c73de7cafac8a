import createClient from "openapi-fetch";

function defaultExport(imported: typeof createClient): typeof createClient {
  return (imported as unknown as { default?: typeof createClient }).default ?? imported;
}

/**
 * openapi-fetch's `createClient`, in both builds. In the CJS build esbuild follows Node's interop, where a default
 * import of a CJS file is its whole `exports` object, so the function sits on its `default`. The call is marked pure
 * so a bundle that uses client-core only for its errors (the hash worker) drops openapi-fetch.
 */
export const createOpenapiClient: typeof createClient = /* @__PURE__ */ defaultExport(createClient);
