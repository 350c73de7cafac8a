import { setTimeout as sleep } from "node:timers/promises";
import { createHbrClient } from "@direct-upload/hbr-client";
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UploadAbortedError } from "../../core/errors.js";
import { fromUint8Array } from "../../core/source.js";
import { EDGE_SIZES, progressLog, sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import { startCountingProxy } from "../../../test/helpers/hbr-counting-proxy.js";
import { pathStyleOssUrl, virtualHostedOssUrl } from "./hbr-form.js";
import { uploadToHbr } from "./hbr.js";
import type { FlowCheckpoint } from "../flow-types.js";

let sandbox: Sandbox;
let info: Record<string, string>;
let client: ReturnType<typeof createHbrClient>;
const BUCKET = "hbr-temp-bucket";

beforeAll(async () => {
  sandbox = await startSandbox();
  info = sandbox.vendors.hbr!;
  client = createHbrClient({ baseUrl: info["baseUrl"]!, accessKeyId: info["accessKeyId"]!, accessKeySecret: info["accessKeySecret"]! });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.faults.clear());

const storageUrl = () => pathStyleOssUrl(info["ossEndpoint"]);
const hits = (route: "create-temp-file-upload-url" | "oss-post") => sandbox.faults.hits(`hbr.${route}`);

describe("OSS address builders", () => {
  it("builds the virtual-hosted and path-style PostObject URLs", () => {
    const form = { BucketName: "b-1", Endpoint: "oss-cn-shanghai.aliyuncs.com" };
    expect(virtualHostedOssUrl(form)).toBe("https://b-1.oss-cn-shanghai.aliyuncs.com/");
    expect(pathStyleOssUrl()(form)).toBe("https://oss-cn-shanghai.aliyuncs.com/b-1/");
    expect(pathStyleOssUrl("http://127.0.0.1:9/storage/oss/")(form)).toBe("http://127.0.0.1:9/storage/oss/b-1/");
  });
});

describe("uploadToHbr against the sandbox", () => {
  it.each([0, ...EDGE_SIZES])("posts %i bytes byte-exact to the temp key", async (size) => {
    const bytes = testBytes(size, size + 101);
    const log = progressLog();
    const result = await uploadToHbr({
      client,
      source: fromUint8Array(bytes, "list.txt"),
      name: `f${size}.txt`,
      storageUrl: storageUrl(),
      onProgress: log.onProgress,
      engine: testEngine(),
    });
    expect(result.key).toMatch(new RegExp(`^temp/\\d+/upload/\\d{4}-\\d{2}-\\d{2}/[0-9a-f-]{36}/f${size}\\.txt$`));
    expect(sandbox.objects.get(BUCKET, result.key!)).toMatchObject({ size, sha256: sha256Hex(bytes) });
    expect(result).toMatchObject({ vendor: "hbr", name: `f${size}.txt`, bytes: size, sha256: sha256Hex(bytes) });
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: size, total: size });
  });

  it("survives a reset mid-body, a 503 and a 429 with Retry-After", async () => {
    const bytes = testBytes(500_000, 121);
    sandbox.faults.arm("hbr.oss-post", [
      { kind: "reset", afterBytes: 100_000 },
      { kind: "fail", times: 1, status: 503, code: "ServiceUnavailable" },
      { kind: "fail", times: 1, status: 429, code: "SlowDown", retryAfterSeconds: 1 },
    ]);
    const posts = hits("oss-post");
    const engine = testEngine();
    const log = progressLog();
    const result = await uploadToHbr({ client, source: fromUint8Array(bytes, "f.bin"), storageUrl: storageUrl(), onProgress: log.onProgress, engine });
    expect(hits("oss-post") - posts).toBe(4);
    expect(engine.clock.delays.at(-1)).toBe(1000);
    expect(sandbox.objects.get(BUCKET, result.key!)?.sha256).toBe(sha256Hex(bytes));
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });

  it("asks for a new form (and key) when the policy expired", async () => {
    const bytes = testBytes(30_000, 122);
    sandbox.faults.arm("hbr.create-temp-file-upload-url", { kind: "expire-urls" });
    const calls = hits("create-temp-file-upload-url");
    const checkpoints: FlowCheckpoint[] = [];
    const result = await uploadToHbr({
      client,
      source: fromUint8Array(bytes, "x.bin"),
      storageUrl: storageUrl(),
      onCheckpoint: (c) => void checkpoints.push(c),
      engine: testEngine(),
    });
    expect(hits("create-temp-file-upload-url") - calls).toBe(2);
    const keys = checkpoints.map((c) => (c.state as { key: string }).key);
    expect(keys).toHaveLength(3);
    expect(keys[0]).not.toBe(result.key);
    expect(keys.slice(1)).toEqual([result.key, result.key]);
    expect(sandbox.objects.get(BUCKET, keys[0]!)).toBeUndefined();
    expect(sandbox.objects.get(BUCKET, result.key!)?.sha256).toBe(sha256Hex(bytes));
  });

  it("retries a stalled POST after the stall timeout", async () => {
    const bytes = testBytes(4 * 1024 * 1024, 123);
    sandbox.faults.arm("hbr.oss-post", { kind: "stall", afterBytes: 256 * 1024 });
    const posts = hits("oss-post");
    const log = progressLog();
    const result = await uploadToHbr({
      client,
      source: fromUint8Array(bytes, "s.bin"),
      storageUrl: storageUrl(),
      onProgress: log.onProgress,
      engine: testEngine({ stallTimeoutMs: 300, responseTimeoutMs: 500 }),
    });
    expect(hits("oss-post") - posts).toBe(2);
    expect(sandbox.objects.get(BUCKET, result.key!)?.sha256).toBe(sha256Hex(bytes));
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });

  it("stops sending within a second of an abort and rejects with UploadAbortedError", async () => {
    const proxy = await startCountingProxy(sandbox.url);
    try {
      const size = 32 * 1024 * 1024;
      const controller = new AbortController();
      let key: string | undefined;
      const upload = uploadToHbr({
        client,
        source: fromUint8Array(testBytes(size, 124), "big.bin"),
        storageUrl: pathStyleOssUrl(`${proxy.url}/storage/oss`),
        signal: controller.signal,
        onCheckpoint: (c) => void (key = (c.state as { key: string }).key),
        onProgress: ({ loaded }) => loaded > 2 * 1024 * 1024 && controller.abort(),
        engine: testEngine(),
      });
      await expect(upload).rejects.toBeInstanceOf(UploadAbortedError);
      const closed = await Promise.race([proxy.allClosed().then(() => "closed"), sleep(1000).then(() => "still open")]);
      expect(closed).toBe("closed");
      const sent = proxy.bytes;
      expect(sent).toBeGreaterThan(2 * 1024 * 1024);
      expect(sent).toBeLessThan(size);
      await sleep(200);
      expect([proxy.bytes, proxy.connections]).toEqual([sent, 1]);
      expect(sandbox.objects.get(BUCKET, key!)).toBeUndefined();
    } finally {
      await proxy.close();
    }
  });

  it("resumes an upload that OSS already stored without posting again", async () => {
    const bytes = testBytes(2000, 125);
    const source = fromUint8Array(bytes, "r.bin");
    const checkpoints: FlowCheckpoint[] = [];
    const first = await uploadToHbr({ client, source, storageUrl: storageUrl(), onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c))), engine: testEngine() });
    const [calls, posts] = [hits("create-temp-file-upload-url"), hits("oss-post")];
    const log = progressLog();
    const again = await uploadToHbr({ client, source, storageUrl: storageUrl(), resumeFrom: checkpoints.at(-1)!, onProgress: log.onProgress, engine: testEngine() });
    expect(again).toEqual(first);
    expect([hits("create-temp-file-upload-url") - calls, hits("oss-post") - posts]).toEqual([0, 0]);
    expect(log.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });
});
