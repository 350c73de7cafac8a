// Renders the runtime reply validators of one vendor: ajv standalone code, one function per operation and
// success status, compiled from the response schemas of specs/<vendor>/openapi.yaml (see generate-client.mjs).
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { parse } from "yaml";
import { vendorPaths } from "./vendors.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SPEC_ID = "https://spec.invalid/openapi";
const JSON_TYPE = "application/json";

/** "/a/b" → "~1a~1b" (RFC 6901). */
const escapePointer = (segment) => String(segment).replace(/~/g, "~0").replace(/\//g, "~1");

/** Annotations say nothing about validity; dropping them keeps them out of the generated code. */
function withoutAnnotations(node) {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (typeof node !== "object" || node === null) return node;
  const kept = Object.entries(node).filter(([key]) => !/^(description|summary|title|example|examples|externalDocs|x-.*)$/.test(key));
  return Object.fromEntries(kept.map(([key, value]) => [key, withoutAnnotations(value)]));
}

/** The JSON pointer of each 2xx JSON response schema, keyed "METHOD /path status". */
function replySchemas(doc) {
  const found = {};
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue;
        // A response may be a $ref into components/responses: follow it to where its schema is.
        const pointer = response.$ref ?? `#/paths/${escapePointer(path)}/${method}/responses/${status}`;
        const target = pointer
          .slice(2)
          .split("/")
          .reduce((node, key) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
        if (!target?.content?.[JSON_TYPE]?.schema) continue;
        found[`${method.toUpperCase()} ${path} ${status}`] = `${SPEC_ID}${pointer}/content/${escapePointer(JSON_TYPE)}/schema`;
      }
    }
  }
  return found;
}

export async function renderValidators(vendor) {
  const { spec } = vendorPaths(vendor);
  const doc = parse(await readFile(resolve(root, spec), "utf8"));
  // No formats: the code then needs no ajv-formats at run time.
  const ajv = new Ajv({ strict: false, inlineRefs: false, validateFormats: false, code: { source: true, esm: true, lines: false } });
  ajv.addSchema({ ...withoutAnnotations(doc), $id: SPEC_ID });
  const schemas = replySchemas(doc);
  // One export per distinct schema: standalone code declares a shared schema's function once per export.
  const refs = [...new Set(Object.values(schemas))];
  const code = standaloneCode(ajv, Object.fromEntries(refs.map((ref, i) => [`reply${i}`, ref])));
  const table = Object.entries(schemas)
    .map(([key, ref]) => `  ${JSON.stringify(key)}: reply${refs.indexOf(ref)},`)
    .join("\n");
  return [
    `// generated from ${spec}: do not edit. Run \`pnpm generate\` to refresh.`,
    "// @ts-nocheck",
    "/* eslint-disable */",
    code.replace(/^"use strict";/, ""),
    "",
    '/** Reply validators by "METHOD /path status", compiled from the spec\'s response schemas. */',
    `export const replyValidators = {\n${table}\n};`,
    "",
  ].join("\n");
}
