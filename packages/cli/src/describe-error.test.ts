import { VendorApiError } from "@direct-upload/client-core";
import { StorageError } from "@direct-upload/upload-executor";
import { describe, expect, it } from "vitest";
import { describeError, formatErrorReport } from "./describe-error.js";

describe("describeError", () => {
  it("names the vendor's code, message and request id, with every secret masked", () => {
    const secret = "tok-0123456789";
    const error = new VendorApiError({
      vendor: "openim",
      operation: "/object/initiate_form_data",
      status: 200,
      vendorCode: "1501",
      vendorMessage: `token ${secret} expired`,
      requestId: "req-7",
      hint: `get a new token (yours was ${secret})`,
    });
    const report = describeError(error, [secret]);
    expect(report).toMatchObject({ code: "openim_api_error", vendorCode: "1501", vendorMessage: "token *** expired", requestId: "req-7", status: 200 });
    const text = formatErrorReport(report).join("\n");
    expect(text).toContain("openim /object/initiate_form_data failed: 1501 token *** expired (request id req-7)");
    expect(text).toContain("hint: get a new token");
    expect(text).not.toContain(secret);
  });

  it("reads a storage answer's own code and never the signed URL's query", () => {
    const error = new StorageError({
      operation: "PUT part 3",
      url: "http://127.0.0.1:9/bucket/key?X-Amz-Signature=abcdef0123456789",
      status: 403,
      storageCode: "SignatureDoesNotMatch",
      storageMessage: "The request signature we calculated does not match",
      requestId: "rid-1",
    });
    const report = describeError(error, []);
    expect(report).toMatchObject({ vendorCode: "SignatureDoesNotMatch", status: 403, requestId: "rid-1" });
    expect(report.message).toContain("http://127.0.0.1:9/bucket/key");
    expect(JSON.stringify(report)).not.toContain("abcdef0123456789");
  });
});
