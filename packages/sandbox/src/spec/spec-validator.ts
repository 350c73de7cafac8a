import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { deref, escapePointer, findOperation, loadSpec } from "./spec-documents.js";

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats.default(ajv);
ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 });
ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isSafeInteger(n) });

const compiled = new Map<string, ValidateFunction>();

function documentId(vendor: string): string {
  const id = `urn:direct-upload:spec:${vendor}`;
  if (!ajv.getSchema(id)) ajv.addSchema(loadSpec(vendor), id);
  return id;
}

function validatorAt(vendor: string, pointer: string): ValidateFunction {
  const ref = `${documentId(vendor)}#${pointer}`;
  const cached = compiled.get(ref);
  if (cached) return cached;
  const validate = ajv.compile({ $ref: ref });
  compiled.set(ref, validate);
  return validate;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "body"} ${e.message ?? "is invalid"}`);
}

function operationOrThrow(vendor: string, operationId: string) {
  const doc = loadSpec(vendor);
  const found = findOperation(doc, operationId);
  if (!found) throw new Error(`specs/${vendor}/openapi.yaml has no operation ${operationId}`);
  return { doc, ...found };
}

/** Problems with a JSON request body per the operation's requestBody schema (empty list = valid). */
export function validateRequestBody(vendor: string, operationId: string, body: unknown): string[] {
  const { doc, pointer, operation } = operationOrThrow(vendor, operationId);
  const requestBody = deref(doc, operation["requestBody"], `${pointer}/requestBody`);
  const content = (requestBody.node as { content?: Record<string, unknown> } | undefined)?.content;
  if (!content?.["application/json"]) throw new Error(`${vendor} ${operationId} has no JSON request body in its spec`);
  const validate = validatorAt(vendor, `${requestBody.pointer}/content/application~1json/schema`);
  return validate(body) ? [] : describe(validate.errors);
}

/**
 * Problems with a response per the spec: the status must be declared (exactly, as NXX, or default) and, for a
 * JSON body, the body must match that response's schema.
 */
export function validateResponseBody(vendor: string, operationId: string, status: number, body: unknown, contentType = "application/json"): string[] {
  const { doc, pointer, operation } = operationOrThrow(vendor, operationId);
  const responses = (operation["responses"] ?? {}) as Record<string, unknown>;
  const statusKey = [String(status), `${String(status)[0]}XX`, "default"].find((k) => k in responses);
  if (!statusKey) return [`status ${status} is not declared for ${operationId}`];
  const response = deref(doc, responses[statusKey], `${pointer}/responses/${escapePointer(statusKey)}`);
  const content = (response.node as { content?: Record<string, unknown> } | undefined)?.content ?? {};
  const mediaType = contentType.split(";")[0]?.trim() ?? "";
  if (!(mediaType in content)) return [`${operationId} ${statusKey} declares no ${mediaType} body (has ${Object.keys(content).join(", ") || "none"})`];
  const validate = validatorAt(vendor, `${response.pointer}/content/${escapePointer(mediaType)}/schema`);
  return validate(body) ? [] : describe(validate.errors);
}
