import { describe, expect, it } from "vitest";
import { DirectUploadError, InvalidClientOptionsError, TransportError, VendorApiError, brandError, isBrandedError } from "./errors.js";

class RedirectRefusedError extends TransportError {
  static override is(value: unknown): value is RedirectRefusedError {
    return isBrandedError(value, "RedirectRefusedError");
  }

  override name: string = brandError(this, "RedirectRefusedError");
}

describe("error brands", () => {
  const vendor = new VendorApiError({ vendor: "pds", operation: "create", status: 503, vendorCode: "InternalError", vendorMessage: "busy" });
  const transport = new TransportError("pds", "create", new TypeError("fetch failed"));
  const options = new InvalidClientOptionsError("pds", "baseUrl", "baseUrl is not a URL", "Pass an http(s) URL");

  it("names each class with a string that survives minifiers", () => {
    expect([new DirectUploadError("x", "y"), vendor, transport, options].map((error) => error.name)).toEqual([
      "DirectUploadError",
      "VendorApiError",
      "TransportError",
      "InvalidClientOptionsError",
    ]);
  });

  it("tells the classes apart, subclasses included, without instanceof", () => {
    const redirect = new RedirectRefusedError("pds", "create", new TypeError("redirect"));
    expect([vendor, transport, options, redirect].map((error) => DirectUploadError.is(error))).toEqual([true, true, true, true]);
    expect([vendor, transport, options, redirect].map((error) => TransportError.is(error))).toEqual([false, true, false, true]);
    expect([VendorApiError.is(vendor), InvalidClientOptionsError.is(options), RedirectRefusedError.is(transport)]).toEqual([true, true, false]);
    expect(redirect.name).toBe("RedirectRefusedError");
  });

  it("is false for look-alikes: plain errors, objects with the same name, primitives", () => {
    const lookalike = Object.assign(new Error("busy"), { name: "VendorApiError", code: "pds_api_error" });
    expect([lookalike, { name: "DirectUploadError" }, null, undefined, "DirectUploadError"].some((value) => DirectUploadError.is(value))).toBe(false);
  });

  it("keeps the brand out of logs: it is not enumerable", () => {
    const brands = Object.getOwnPropertySymbols(vendor).map((symbol) => Object.getOwnPropertyDescriptor(vendor, symbol)!);
    expect(brands.map((brand) => brand.enumerable)).toEqual([false]);
  });
});
