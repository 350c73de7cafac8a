import { createHash } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { StorageServer } from "../test/helpers/storage-server.js";
import { testBytes } from "../test/helpers/test-bytes.js";
import { fromUint8Array, startMidstatePass, uploadPut } from "./node.js";

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

it("hashes on libuv's thread pool with the native addon once the Node entry is imported, without a warning", async () => {
  const bytes = testBytes(200_000, 4);
  const warnings: Array<{ code: string }> = [];
  const pass = startMidstatePass(fromUint8Array(bytes), [0, 64_000], ["sha256"], { digests: ["sha1"], onWarning: (warning) => warnings.push(warning) });
  expect(await pass.digests()).toEqual({ sha256: createHash("sha256").update(bytes).digest("hex"), sha1: createHash("sha1").update(bytes).digest("hex") });
  expect(await pass.report()).toEqual({ hashing: "threadpool", hasher: "native" });
  expect(warnings).toEqual([]);
});
