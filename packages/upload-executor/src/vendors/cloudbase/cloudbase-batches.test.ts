import { createCloudbaseClient } from "@direct-upload/cloudbase-client";
import { CLOUDBASE_SANDBOX_BATCH_LIMIT, startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromUint8Array } from "../../core/source.js";
import { sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import { uploadManyToCloudbase } from "./cloudbase.js";
import { CLOUDBASE_BATCH_LIMIT } from "./cloudbase-batches.js";

let sandbox: Sandbox;
let info: Record<string, string>;
let client: ReturnType<typeof createCloudbaseClient>;

beforeAll(async () => {
  sandbox = await startSandbox();
  info = sandbox.vendors.cloudbase!;
  client = createCloudbaseClient({ baseUrl: info["baseUrl"]!, token: info["token"]! });
});
afterAll(() => sandbox.stop());

const calls = () => sandbox.faults.hits("cloudbase.get-objects-upload-info");
const filesOf = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix}/${i}.bin`, source: fromUint8Array(testBytes(50 + i, i), `${i}.bin`) }));

async function expectAllStored(files: ReturnType<typeof filesOf>, items: Awaited<ReturnType<typeof uploadManyToCloudbase>>) {
  expect(items.map((item) => [item.name, item.ok])).toEqual(files.map((f) => [f.name, true]));
  for (const file of files) {
    const bytes = await file.source.read(0, file.source.size);
    expect(sandbox.objects.get(info["bucket"]!, file.name)?.sha256).toBe(sha256Hex(bytes));
  }
}

describe("uploadManyToCloudbase batch limits", { timeout: 120_000 }, () => {
  it("uses the sandbox's limit as its documented default", () => {
    expect(CLOUDBASE_BATCH_LIMIT).toBe(CLOUDBASE_SANDBOX_BATCH_LIMIT);
  });

  it.each([
    [1, 1],
    [CLOUDBASE_BATCH_LIMIT, 1],
    [CLOUDBASE_BATCH_LIMIT + 1, 2],
  ])("sends %i files in %i upload-info call(s) by default", async (count, expected) => {
    const files = filesOf(count, `default-${count}`);
    const before = calls();
    const items = await uploadManyToCloudbase({ client, files, concurrency: 8, engine: testEngine() });
    expect(calls() - before).toBe(expected);
    await expectAllStored(files, items);
  });

  it("splits a batch CloudBase answers OBJECT_BATCH_TOO_LARGE and asks again", async () => {
    const files = filesOf(CLOUDBASE_SANDBOX_BATCH_LIMIT + 1, "split");
    const before = calls();
    const items = await uploadManyToCloudbase({ client, files, batchSize: 1000, concurrency: 8, engine: testEngine() });
    // One refused call of 101, then its halves of 51 and 50.
    expect(calls() - before).toBe(3);
    await expectAllStored(files, items);
  });

  it("reports OBJECT_ALREADY_EXIST for the item it names and uploads the rest", async () => {
    const files = [...filesOf(2, "twice"), { name: "twice/0.bin", source: fromUint8Array(testBytes(9, 9), "again.bin") }];
    const items = await uploadManyToCloudbase({ client, files, engine: testEngine() });
    expect(items.map((item) => item.ok)).toEqual([true, true, false]);
    expect(items[2]!.ok || items[2]!.error).toMatchObject({ vendorCode: "OBJECT_ALREADY_EXIST", hint: expect.stringContaining("already exists") });
    expect(sandbox.objects.get(info["bucket"]!, "twice/0.bin")?.size).toBe(50);
  });
});
