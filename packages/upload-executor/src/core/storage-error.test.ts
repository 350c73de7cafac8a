import { describe, expect, it } from "vitest";
import { parseStorageError, storageErrorFrom } from "./storage-error.js";

describe("parseStorageError", () => {
  it("reads S3/OSS/COS XML errors and entity-decodes them", () => {
    const parsed = parseStorageError({
      status: 403,
      headers: { "x-oss-request-id": "hdr-id" },
      bodyText:
        '<?xml version="1.0"?>\n<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy Condition failed: [&quot;eq&quot;, &quot;$key&quot;]</Message><RequestId>body-id</RequestId></Error>',
    });
    expect(parsed).toEqual({ storageCode: "AccessDenied", storageMessage: 'Invalid according to Policy: Policy Condition failed: ["eq", "$key"]', requestId: "body-id" });
  });

  it("reads JSON errors and request ids from headers", () => {
    expect(parseStorageError({ status: 400, headers: { "x-ca-request-id": "ca-1" }, bodyText: '{"code":"InvalidParameter","message":"bad part"}' })).toEqual({
      storageCode: "InvalidParameter",
      storageMessage: "bad part",
      requestId: "ca-1",
    });
  });

  it("falls back to the status and a trimmed body", () => {
    expect(parseStorageError({ status: 502, headers: {}, bodyText: "<html>\n bad gateway </html>" })).toMatchObject({ storageCode: "HTTP_502" });
    expect(parseStorageError({ status: 500, headers: {}, bodyText: "oops" })).toEqual({ storageCode: "HTTP_500", storageMessage: "oops", requestId: undefined });
  });
});

describe("storageErrorFrom", () => {
  it("never prints the signed query, even when the body echoes it", () => {
    const url = "https://bucket.example/obj?X-Amz-Signature=deadbeefcafe1234&X-Amz-Credential=AKIDEXAMPLE%2F2026&partNumber=2";
    const error = storageErrorFrom("part 2 upload", url, {
      status: 403,
      headers: {},
      bodyText: "<Error><Code>SignatureDoesNotMatch</Code><Message>signature deadbeefcafe1234 does not match</Message></Error>",
    });
    expect(error.message).toContain("https://bucket.example/obj");
    expect(error.message).toContain("SignatureDoesNotMatch");
    expect(error.message).not.toContain("deadbeefcafe1234");
    expect(error.message).not.toContain("AKIDEXAMPLE");
    expect(error.message).not.toContain("?");
    expect(error.hint).toMatch(/headers exactly/);
    expect(error).toMatchObject({ status: 403, storageCode: "SignatureDoesNotMatch", target: "https://bucket.example/obj" });
  });
});
