export type HashAlgorithm = "sha1" | "sha256";

/** SHA state after `offset` bytes: h holds the unsigned 32-bit words; offset is a multiple of 64. */
export interface Midstate {
  algorithm: HashAlgorithm;
  h: number[];
  offset: number;
}

/** A SHA-1 or SHA-256 hash whose state can be exported (and was possibly imported) at 64-byte boundaries. */
export interface MidstateHasher {
  readonly algorithm: HashAlgorithm;
  readonly kind: MidstateHasherKind;
  /** Bytes hashed so far, including the offset of the imported midstate. */
  readonly offset: number;
  update(bytes: Uint8Array): void;
  /** The state now; throws MidstateUnalignedError unless offset is a multiple of 64. */
  midstate(): Midstate;
  /** Finalises and returns the lowercase hex digest of everything hashed (from byte 0). */
  digestHex(): string;
}

/** Which code hashes: "native" (Node's own OpenSSL through the optional addon) or "wasm" (hash-wasm, everywhere). */
export type MidstateHasherKind = "native" | "wasm";

/** A MidstateHasher implementation a runtime entry registers, with the same contract and errors as hash-wasm's. */
export interface MidstateHasherFactory {
  readonly kind: MidstateHasherKind;
  create(algorithm: HashAlgorithm, from?: Midstate): Promise<MidstateHasher>;
}

/** Where a hashing pass ran and with which code: UploadResult's `hashing` and `hasher`. */
export interface HashingReport {
  /**
   * "threadpool": Node's libuv thread pool (the native addon); "worker": a Node worker thread (no addon) or a browser
   * Web Worker; "main-thread": the caller's event loop.
   */
  hashing: "threadpool" | "worker" | "main-thread";
  hasher: MidstateHasherKind;
}
