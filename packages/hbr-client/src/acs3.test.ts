import { describe, expect, it } from "vitest";
import { DirectUploadError } from "@direct-upload/client-core";
import { canonicalRequest, EMPTY_BODY_SHA256, formatAcsDate, rfc3986, sha256Hex, signAcs3 } from "./acs3.js";
import { OpenApiUtil, sdkAuthorization as sdkSign, sdkPayloadHash } from "../test/helpers/alicloud-sdk.js";

const credentials = { accessKeyId: "testAccessKeyId", accessKeySecret: "testAccessKeySecret" };
const host = "hbr.cn-hangzhou.aliyuncs.com";
const vectorHeaders = {
  "x-acs-action": "CreateTempFileUploadUrl",
  "x-acs-version": "2017-09-08",
  "x-acs-date": "2024-01-01T00:00:00Z",
  "x-acs-signature-nonce": "nonce-0001",
  "x-acs-content-sha256": EMPTY_BODY_SHA256,
};

function sdkAuthorization(query: Record<string, string>, headers: Record<string, string>, body: string): string {
  const request = { method: "POST", pathname: "/", query, headers: { host, ...headers, "x-acs-content-sha256": sdkPayloadHash(body) } };
  return sdkSign(request, credentials.accessKeyId, credentials.accessKeySecret);
}

async function ourAuthorization(query: Record<string, string>, headers: Record<string, string>, body: string): Promise<string> {
  const url = new URL(`https://${host}/`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const signed = await signAcs3({ method: "POST", url, headers: { ...headers, "x-acs-content-sha256": await sha256Hex(body) } }, credentials);
  return signed.authorization;
}

describe("signAcs3", () => {
  it("reproduces the reference vector (vendors-form-put.md section 4), blank line included", async () => {
    const request = { method: "POST", url: `https://${host}/?FileName=file-list.txt`, headers: vectorHeaders };
    const signedHeaders = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";

    expect(canonicalRequest(request).canonicalRequest).toBe(
      `POST\n/\nFileName=file-list.txt\nhost:${host}\nx-acs-action:CreateTempFileUploadUrl\n` +
        `x-acs-content-sha256:${EMPTY_BODY_SHA256}\nx-acs-date:2024-01-01T00:00:00Z\nx-acs-signature-nonce:nonce-0001\n` +
        `x-acs-version:2017-09-08\n\n${signedHeaders}\n${EMPTY_BODY_SHA256}`,
    );
    const signed = await signAcs3(request, credentials);
    expect(signed.signature).toBe("5485cf2159b9818726bcf395afa96a4e7ec49bd66cfb0fd30cccca52e9c17438");
    expect(signed.authorization).toBe(`ACS3-HMAC-SHA256 Credential=testAccessKeyId,SignedHeaders=${signedHeaders},Signature=${signed.signature}`);
    expect(signed.authorization).toBe(sdkAuthorization({ FileName: "file-list.txt" }, vectorHeaders, ""));
  });

  const cases: Array<[string, Record<string, string>, Record<string, string>, string]> = [
    ["unicode, spaces and sub-delims in FileName", { FileName: "报告 2024 (final)*!'~.txt" }, vectorHeaders, ""],
    ["'+', '&', '=' and '%' in FileName", { FileName: "a+b&c=d%20e.txt" }, vectorHeaders, ""],
    ["STS token headers", { FileName: "file-list.txt" }, { ...vectorHeaders, "x-acs-security-token": "CAIS+sts/token==", "x-acs-accesskey-id": "testAccessKeyId" }, ""],
    [
      "a form body with content-type, several query parameters and padded header values",
      { FileName: "b.txt", ClientToken: "tok-1", Empty: "" },
      { ...vectorHeaders, "content-type": "application/x-www-form-urlencoded", "x-acs-date": "  2024-01-01T00:00:00Z " },
      "VaultId=v-0001&Note=%E4%BD%A0%E5%A5%BD",
    ],
  ];

  it.each(cases)("signs like @alicloud/openapi-util: %s", async (_name, query, headers, body) => {
    expect(await ourAuthorization(query, headers, body)).toBe(sdkAuthorization(query, headers, body));
  });

  it("hashes bodies like the SDK and refuses to sign without x-acs-content-sha256", async () => {
    const body = "héllo wörld";
    expect(await sha256Hex(body)).toBe(sdkPayloadHash(body));
    expect(await sha256Hex(new Uint8Array())).toBe(EMPTY_BODY_SHA256);

    const { "x-acs-content-sha256": _omitted, ...withoutHash } = vectorHeaders;
    expect(() => canonicalRequest({ method: "POST", url: `https://${host}/`, headers: withoutHash })).toThrow(DirectUploadError);
  });

  it("encodes with RFC 3986 and formats x-acs-date without milliseconds", () => {
    expect(rfc3986("!'()*~ /+")).toBe("%21%27%28%29%2A~%20%2F%2B");
    expect(rfc3986("!'()*~ /+")).toBe(OpenApiUtil.getEncodeParam("!'()*~ /+"));
    expect(formatAcsDate(new Date("2024-01-01T00:00:00.789Z"))).toBe("2024-01-01T00:00:00Z");
  });
});
