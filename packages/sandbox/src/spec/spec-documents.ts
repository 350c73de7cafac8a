import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export type OpenApiDocument = Record<string, unknown> & { paths?: Record<string, Record<string, unknown>> };

const moduleDir = dirname(fileURLToPath(import.meta.url));

/** dist/specs (copied at build) next to the bundle, else the repository's specs/ when running from src/spec/. */
const SPEC_ROOTS = [join(moduleDir, "specs"), join(moduleDir, "..", "..", "..", "..", "specs")];

const cache = new Map<string, OpenApiDocument>();

export function loadSpec(vendor: string): OpenApiDocument {
  const cached = cache.get(vendor);
  if (cached) return cached;
  const file = SPEC_ROOTS.map((root) => join(root, vendor, "openapi.yaml")).find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`no specs/${vendor}/openapi.yaml found next to the sandbox (looked in ${SPEC_ROOTS.join(", ")})`);
  const doc = parse(readFileSync(file, "utf8")) as OpenApiDocument;
  cache.set(vendor, doc);
  return doc;
}

export interface OperationLocation {
  /** JSON pointer of the operation object, e.g. /paths/~1object~1initiate_form_data/post */
  pointer: string;
  operation: Record<string, unknown>;
}

export function findOperation(doc: OpenApiDocument, operationId: string): OperationLocation | undefined {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation && typeof operation === "object" && (operation as { operationId?: unknown }).operationId === operationId) {
        return { pointer: `/paths/${escapePointer(path)}/${method}`, operation: operation as Record<string, unknown> };
      }
    }
  }
  return undefined;
}

export function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Follows a local `$ref` (e.g. to components/responses) and returns the target and its pointer. */
export function deref(doc: OpenApiDocument, node: unknown, pointer: string): { node: unknown; pointer: string } {
  const ref = node && typeof node === "object" ? (node as { $ref?: unknown }).$ref : undefined;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return { node, pointer };
  const target = ref
    .slice(2)
    .split("/")
    .reduce<unknown>((at, seg) => (at as Record<string, unknown> | undefined)?.[seg.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
  return deref(doc, target, ref.slice(1));
}
