import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export interface SpecOperation {
  operationId: string;
  summary: string;
  /** The sidebar group Redoc files the operation under (its first tag's display name). */
  tag: string | undefined;
}

interface Spec {
  tags?: { name: string; "x-displayName"?: string }[];
  paths?: Record<string, Record<string, { operationId?: string; summary?: string; tags?: string[] }>>;
}

const methods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Every operation of an OpenAPI file, as the docs page must show it. */
export async function readSpecOperations(file: string): Promise<SpecOperation[]> {
  const spec = parse(await readFile(file, "utf8")) as Spec;
  const displayName = (tag: string) => spec.tags?.find((entry) => entry.name === tag)?.["x-displayName"] ?? tag;
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.has(method))
      .map(([method, operation]) => {
        if (!operation.summary) throw new Error(`${file}: ${method.toUpperCase()} ${path} has no summary`);
        const tag = operation.tags?.[0];
        return {
          operationId: operation.operationId ?? `${method} ${path}`,
          summary: operation.summary,
          tag: tag === undefined ? undefined : displayName(tag),
        };
      }),
  );
}
