import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkAppSignature, formatXDate, koodriveAuthenticate } from "./auth.js";

/**
 * The sandbox's app-auth verifier on its own, against a signature built here step by step from the spec's
 * description (appAuth in specs/koodrive/openapi.yaml), not by the client or by the verifier's own code.
 */
describe("KooDrive app-auth verifier", () => {
  const now = Date.UTC(2025, 10, 3, 7, 1, 40);
  const app = { token: "bearer-token", userId: "1020304050607080", appId: "app-1", appSecret: "app-secret-1" };
  const url = new URL("https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/files/create?b=2&a=x%20y");
  const body = JSON.stringify({ fileName: "a.txt", length: 1 });
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

  function sign(input: { body: string; date: string; secret: string }): string {
    const canonical = [
      "POST",
      "/koodrive/ose/v1/files/create/",
      "a=x%20y&b=2",
      `host:${url.host}\nx-date:${input.date}\nx-user-id:${app.userId}\n`,
      "host;x-date;x-user-id",
      sha256(input.body),
    ].join("\n");
    return createHmac("sha256", input.secret)
      .update(`HMAC-SHA256\n${sha256(canonical)}`)
      .digest("hex");
  }

  const date = formatXDate(now);
  const goodSignature = sign({ body, date, secret: app.appSecret });
  const headers = (signature: string, over: Record<string, string> = {}) => ({
    host: url.host,
    "x-date": date,
    "x-user-id": app.userId,
    authorization: `HMAC-SHA256 AppId=${app.appId},SignedHeaders=host;x-date;x-user-id,Signature=${signature}`,
    ...over,
  });
  /** Both halves as the API runs them: the headers, then the signature over the raw body. */
  function verify(requestHeaders: Record<string, string>, requestBody: string) {
    const caller = koodriveAuthenticate(requestHeaders, app, now);
    if ("status" in caller) return caller;
    return checkAppSignature({ method: "POST", url, headers: requestHeaders }, requestBody, caller.appSignature!, app.appSecret) ?? "accepted";
  }
  const refused = { status: 401, code: "13000101", message: expect.stringContaining("Bad Request") };

  it("accepts a request signed as the spec describes", () => {
    expect(date).toBe("20251103T070140Z");
    expect(verify(headers(goodSignature), body)).toBe("accepted");
  });

  it("refuses a tampered body, date, key or signature with the vendor's 13000101", () => {
    expect(verify(headers(goodSignature), body.replace("a.txt", "b.txt"))).toEqual({ ...refused, message: expect.stringContaining("signature does not match") });
    expect(verify(headers(goodSignature, { "x-date": formatXDate(now - 1000) }), body)).toEqual({ ...refused, message: expect.stringContaining("signature does not match") });
    expect(verify(headers(sign({ body, date, secret: "another-secret" })), body)).toEqual({ ...refused, message: expect.stringContaining("signature does not match") });
    const flipped = `${goodSignature.slice(0, -1)}${goodSignature.endsWith("0") ? "1" : "0"}`;
    expect(verify(headers(flipped), body)).toEqual({ ...refused, message: expect.stringContaining("signature does not match") });
  });

  it("refuses another AppId, other signed headers and a stale X-Date before looking at the body", () => {
    expect(verify(headers(goodSignature, { authorization: `HMAC-SHA256 AppId=app-2,SignedHeaders=host;x-date;x-user-id,Signature=${goodSignature}` }), body)).toEqual({
      ...refused,
      message: expect.stringContaining("AppId is unknown"),
    });
    expect(verify(headers(goodSignature, { authorization: `HMAC-SHA256 AppId=${app.appId},SignedHeaders=host;x-date,Signature=${goodSignature}` }), body)).toEqual({
      ...refused,
      message: expect.stringContaining("SignedHeaders"),
    });
    const stale = formatXDate(now - 16 * 60 * 1000);
    expect(verify(headers(sign({ body, date: stale, secret: app.appSecret }), { "x-date": stale }), body)).toEqual({ ...refused, message: expect.stringContaining("15 minutes") });
  });
});
