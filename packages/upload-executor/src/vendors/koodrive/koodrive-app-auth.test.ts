import { VendorApiError } from "@direct-upload/client-core";
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromUint8Array } from "../../core/source.js";
import { sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import { expectStored, startMultipartSandbox, storedCount, type MultipartSandbox } from "../../../test/helpers/multipart.js";
import { uploadToKoodrive } from "./koodrive.js";

/** The client's HMAC app auth (koodrive-client app-auth.ts) against the sandbox's own, independently written verifier. */
describe("uploadToKoodrive with app authentication", { timeout: 30_000 }, () => {
  let env: MultipartSandbox;
  beforeAll(async () => void (env = await startMultipartSandbox()));
  afterAll(() => env.stop());

  const client = (appSecret: string) => {
    const info = env.sandbox.vendors.koodrive!;
    return createKoodriveClient({ baseUrl: info.baseUrl!, userId: info.userId!, auth: { type: "app", appId: info.appId!, appSecret } });
  };

  it("uploads a multipart file with every call signed", async () => {
    const bytes = testBytes(5 * 1024 * 1024 + 10, 81);
    const before = storedCount(env.sandbox, "koodrive");
    const result = await uploadToKoodrive({ client: client(env.sandbox.vendors.koodrive!.appSecret!), source: fromUint8Array(bytes, "signed.bin"), engine: testEngine() });
    expect(result.sha256).toBe(sha256Hex(bytes));
    expectStored(env.sandbox, "koodrive", before, bytes);
  });

  it("is refused with another secret, in an error that shows neither the secret nor the signature", async () => {
    const secret = "not-the-app-secret-1234";
    const error = await uploadToKoodrive({ client: client(secret), source: fromUint8Array(testBytes(100, 82), "x.bin"), engine: testEngine() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorApiError);
    expect((error as VendorApiError).vendorMessage).toContain("app-auth signature does not match");
    expect((error as Error).message).not.toContain(secret);
  });
});
