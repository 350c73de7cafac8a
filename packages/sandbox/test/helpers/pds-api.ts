import { createSHA1, createSHA256 } from "hash-wasm";
import { expect } from "vitest";
import { checkResponseContract, recordResponse } from "../../src/contract.js";

export type Alg = "sha1" | "sha256";

export interface Plan {
  part_number: number;
  from: number;
  to: number;
  ctx: { h: number[]; part_offset: number };
}

/** Parts and their contexts as the PDS SDK builds them (part 1 `h: []`), computed with hash-wasm. */
export async function plan(alg: Alg, data: Uint8Array, sizes: number[]): Promise<Plan[]> {
  const hasher = alg === "sha1" ? await createSHA1() : await createSHA256();
  const [at, words] = alg === "sha1" ? [4, 5] : [4 + 72, 8];
  const parts: Plan[] = [];
  let from = 0;
  for (const [i, size] of sizes.entries()) {
    const saved = hasher.save();
    const view = new DataView(saved.buffer, saved.byteOffset);
    const h = i === 0 ? [] : Array.from({ length: words }, (_, w) => view.getUint32(at + 4 * w, true));
    parts.push({ part_number: i + 1, from, to: from + size, ctx: { h, part_offset: from } });
    hasher.update(data.subarray(from, from + size));
    from += size;
  }
  return parts;
}

const operations = { create: "createFile", get_upload_url: "getUploadUrl", list_uploaded_parts: "listUploadedParts", complete: "completeFile", get: "getFile" } as const;
export type PdsOperation = keyof typeof operations;

/**
 * Calls a sandbox PDS API named by `info()` (its drive by default) and checks the answer against
 * specs/pds/openapi.yaml.
 */
export function pdsCaller(info: () => Record<string, string>) {
  return async function api<T = { code: string; message: string }>(op: PdsOperation, body: Record<string, unknown>, token = info().token, headers: Record<string, string> = {}) {
    const { baseUrl, driveId } = info();
    const res = await fetch(`${baseUrl}/v2/file/${op}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body: JSON.stringify({ ...("share_id" in body ? {} : { drive_id: driveId }), ...body }),
    });
    const recorded = await recordResponse(res);
    expect(checkResponseContract("pds", operations[op], recorded)).toEqual([]);
    return { status: recorded.status, body: recorded.body as T };
  };
}
