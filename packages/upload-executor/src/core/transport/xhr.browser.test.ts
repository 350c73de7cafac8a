import { DirectUploadError } from "@direct-upload/client-core";
import { expect, it } from "vitest";
import { testFile, xhrEngine } from "../../../test/helpers/browser-files.js";
import { InvalidUploadUrlError } from "../errors.js";
import { uploadPut } from "../single-request.js";
import { fromBlob } from "../source.js";

it("turns the SyntaxError XMLHttpRequest.open throws on a malformed URL into a typed InvalidUploadUrlError", async () => {
  const { file } = await testFile(10, "a.bin");
  const error = await uploadPut(fromBlob(file), { kind: "put", url: "http://[bad/a.bin?sig=secret-signature", headers: {} }, xhrEngine).catch((e: unknown) => e);
  expect(DirectUploadError.is(error)).toBe(true);
  expect(InvalidUploadUrlError.is(error)).toBe(true);
  expect((error as Error).message).not.toContain("secret-signature");
});
