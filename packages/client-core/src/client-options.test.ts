import { describe, expect, it } from "vitest";
import { requireCredential } from "./auth.js";
import { checkClientOptions } from "./client-options.js";
import { InvalidClientOptionsError } from "./errors.js";

const check = { vendor: "acme", baseUrl: "https://api.example.com/v1", required: { token: "tok-secret" } };

describe("checkClientOptions", () => {
  it("returns the base URL and leaves providers and left-out optional credentials for later", () => {
    expect(checkClientOptions({ ...check, required: { token: () => "" }, optional: { shareToken: undefined } })).toBe("https://api.example.com/v1");
  });

  it("names every way to give the address when it is missing", () => {
    const missing = () => checkClientOptions({ ...check, baseUrl: undefined, shortcuts: ["regionId", "endpoint"] });
    expect(missing).toThrow(expect.objectContaining({ code: "invalid_client_options", option: "baseUrl", retryable: false }));
    expect(missing).toThrow(
      "acme client: needs baseUrl, regionId, or endpoint. Pass the API address as baseUrl, e.g. https://api.example.com, or regionId or endpoint to derive it",
    );
  });

  it("refuses an optional credential given empty without echoing the others", () => {
    expect(() => checkClientOptions({ ...check, optional: { shareToken: "" } })).toThrow(/^acme client: shareToken is missing or empty/);
    expect(() => checkClientOptions({ ...check, optional: { shareToken: "" } })).not.toThrow(/tok-secret/);
  });
});

describe("requireCredential", () => {
  it("resolves a provider and refuses an empty or non-string value", async () => {
    expect(await requireCredential("acme", "token", async () => "tok-1")).toBe("tok-1");
    await expect(requireCredential("acme", "token", () => " ")).rejects.toThrow(InvalidClientOptionsError);
    await expect(requireCredential("acme", "token", () => undefined as unknown as string)).rejects.toMatchObject({
      code: "invalid_client_options",
      option: "token",
      vendor: "acme",
    });
  });
});
