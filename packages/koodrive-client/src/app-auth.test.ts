import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appAuthorization, canonicalRequest, rfc3986, stringToSign } from "./app-auth.js";

const request = {
  method: "post",
  url: "https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/files/complete?b=~x&a=1%20c&b=2",
  headers: { "x-date": "20251103T070140Z", "x-user-id": "1020304050607080" },
  body: '{"fileId":"F1"}',
};
const secret = "app-secret-0123456789";

describe("KooDrive app auth signer", () => {
  it("builds the canonical request literally: trailing '/', sorted RFC 3986 query, signed headers, body hash", async () => {
    // Body hash and every line below computed with `printf | sha256sum` outside this code.
    expect(await canonicalRequest(request)).toBe(
      [
        "POST",
        "/koodrive/ose/v1/files/complete/",
        "a=1%20c&b=2&b=~x",
        "host:intl.myhuaweicloud-koodrive.com",
        "x-date:20251103T070140Z",
        "x-user-id:1020304050607080",
        "",
        "host;x-date;x-user-id",
        "3a10868d34274e4a80f249271f65f1f132e7537b8226b399094051219546f9ad",
      ].join("\n"),
    );
  });

  it("matches the known answer computed with openssl", async () => {
    expect(await stringToSign(await canonicalRequest(request))).toBe("HMAC-SHA256\n6590233c0d333b800eea2e169f072caad3fe52af87c9b158e377a9aa5c69e7ca");
    expect(await appAuthorization(request, "app-1", secret)).toBe(
      "HMAC-SHA256 AppId=app-1,SignedHeaders=host;x-date;x-user-id," + "Signature=7048860afcc4a7642eeddf0c819c5e701b1d7ed9d67c1143a05a7444985507e2",
    );
  });

  it("agrees with node:crypto step by step for another request", async () => {
    const other = { method: "POST", url: "http://127.0.0.1:8080/koodrive/ose/v1/files/create", headers: { "x-date": "20260101T000000Z", "x-user-id": "u" }, body: "{}" };
    const sha = (text: string) => createHash("sha256").update(text).digest("hex");
    const canonical = `POST\n/koodrive/ose/v1/files/create/\n\nhost:127.0.0.1:8080\nx-date:20260101T000000Z\nx-user-id:u\n\nhost;x-date;x-user-id\n${sha("{}")}`;
    expect(await canonicalRequest(other)).toBe(canonical);
    const signature = createHmac("sha256", secret)
      .update(`HMAC-SHA256\n${sha(canonical)}`)
      .digest("hex");
    expect(await appAuthorization(other, "a", secret)).toBe(`HMAC-SHA256 AppId=a,SignedHeaders=host;x-date;x-user-id,Signature=${signature}`);
  });

  it("encodes the characters encodeURIComponent leaves alone", () => {
    expect(rfc3986("a b!'()*~")).toBe("a%20b%21%27%28%29%2A~");
  });
});
