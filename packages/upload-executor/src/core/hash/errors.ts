import { brandError, DirectUploadError, isBrandedError } from "@direct-upload/client-core";

/** A midstate was asked for (or given) at an offset that is not a multiple of 64, where h[] alone is not the state. */
export class MidstateUnalignedError extends DirectUploadError {
  static override is(value: unknown): value is MidstateUnalignedError {
    return isBrandedError(value, "MidstateUnalignedError");
  }

  override name: string = brandError(this, "MidstateUnalignedError");

  readonly offset: number;

  constructor(offset: number, what = "a midstate") {
    super("midstate_unaligned", `${what} at byte ${offset} is not on a 64-byte block boundary`, {
      hint: "Make every part except the last a multiple of 64 bytes so each part starts on a block boundary",
    });
    this.offset = offset;
  }
}

/** A midstate that cannot be a SHA state (wrong word count, words out of range, bad offset or algorithm). */
export class InvalidMidstateError extends DirectUploadError {
  static override is(value: unknown): value is InvalidMidstateError {
    return isBrandedError(value, "InvalidMidstateError");
  }

  override name: string = brandError(this, "InvalidMidstateError");

  constructor(detail: string) {
    super("midstate_invalid", `Invalid midstate: ${detail}`, {
      hint: "Pass a midstate exactly as midstate() or the checkpoint produced it",
    });
  }
}

/** The hashing library's saved state no longer has the layout this code patches (hash-wasm was upgraded). */
export class MidstateUnsupportedError extends DirectUploadError {
  static override is(value: unknown): value is MidstateUnsupportedError {
    return isBrandedError(value, "MidstateUnsupportedError");
  }

  override name: string = brandError(this, "MidstateUnsupportedError");

  constructor(detail: string) {
    super("midstate_unsupported", `Cannot export or import hash midstates: ${detail}`, {
      hint: "Install the hash-wasm version this package pins (4.13.0)",
    });
  }
}
