export type HashAlgorithm = "sha1" | "sha256";

/** SHA state after `offset` bytes: h holds the unsigned 32-bit words; offset is a multiple of 64. */
export interface Midstate {
  algorithm: HashAlgorithm;
  h: number[];
  offset: number;
}
