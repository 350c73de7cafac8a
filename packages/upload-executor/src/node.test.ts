import { afterEach, beforeEach, expect, it } from "vitest";
import { StorageServer } from "../test/helpers/storage-server.js";
import { testBytes } from "../test/helpers/test-bytes.js";
import { fromUint8Array, uploadPut } from "./node.js";

let server: StorageServer;
beforeEach(async () => void (server = await new StorageServer().start()));
afterEach(() => server.close());

it("uploads with node:http by default once the Node entry is imported (Node has no XMLHttpRequest)", async () => {
  expect(typeof XMLHttpRequest).toBe("undefined");
  const bytes = testBytes(300_001, 3);
  const result = await uploadPut(fromUint8Array(bytes, "n.bin"), { kind: "put", url: `${server.url}/n.bin` });
  expect(result.status).toBe(200);
  expect(Buffer.compare(server.objects.get("/n.bin")!, bytes)).toBe(0);
});
