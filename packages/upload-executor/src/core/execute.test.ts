import { afterEach, beforeEach, expect, it } from "vitest";
import { executePlan } from "./execute.js";
import { PlanError } from "./errors.js";
import { uploadPut } from "./single-request.js";
import { fromUint8Array } from "./source.js";
import { StorageServer } from "../../test/helpers/storage-server.js";
import { testBytes } from "../../test/helpers/test-bytes.js";
import { createNodeTransport } from "./transport/node.js";

let server: StorageServer;
beforeEach(async () => void (server = await new StorageServer().start()));
afterEach(() => server.close());

it("runs each plan kind with its engine", async () => {
  const transport = createNodeTransport();
  const bytes = testBytes(1000, 31);
  const source = fromUint8Array(bytes, "x.bin");
  await executePlan(source, { kind: "put", url: `${server.url}/put` }, { transport });
  await executePlan(source, { kind: "form", url: `${server.url}/form`, fields: [["key", "x"]], fileField: "file" }, { transport });
  const multipart = await executePlan(
    source,
    {
      kind: "multipart",
      parts: [{ number: 1, offset: 0, size: 1000 }],
      getPartTargets: async (parts) => parts.map((p) => ({ partNumber: p.number, url: `${server.url}/mp/${p.number}` })),
    },
    { transport },
  );
  expect(Buffer.compare(server.objects.get("/put")!, bytes)).toBe(0);
  expect(Buffer.compare(server.forms.get("/form")!.file.bytes, bytes)).toBe(0);
  expect(Buffer.compare(server.objects.get("/mp/1")!, bytes)).toBe(0);
  expect(multipart.parts).toEqual([{ number: 1, offset: 0, size: 1000, etag: expect.stringMatching(/^"[0-9a-f]{32}"$/) }]);
});

it("asks Node callers for a transport instead of guessing", async () => {
  await expect(uploadPut(fromUint8Array(new Uint8Array(1)), { kind: "put", url: `${server.url}/p` })).rejects.toBeInstanceOf(PlanError);
});
