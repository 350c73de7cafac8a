import { DirectUploadError } from "@direct-upload/client-core";
import type { Digests, PassOutcome } from "./pass-loop.js";
import type { HashAlgorithm, HashingReport, Midstate } from "./types.js";

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  // Parts nobody asks for (already in a checkpoint) must not turn a failed pass into an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** One promise per (boundary, algorithm) plus one for the digests; a failure settles everything still pending. */
export class PassResults {
  private readonly states: Map<HashAlgorithm, Deferred<Midstate>[]>;
  private readonly done = deferred<Digests>();
  private readonly where = deferred<HashingReport>();

  constructor(
    private readonly count: number,
    algorithms: readonly HashAlgorithm[],
  ) {
    this.states = new Map(algorithms.map((alg) => [alg, Array.from({ length: count }, () => deferred<Midstate>())]));
  }

  at(index: number, algorithm: HashAlgorithm): Promise<Midstate> {
    const slot = this.states.get(algorithm)?.[index];
    if (slot) return slot.promise;
    const asked = [...this.states.keys()].join(", ");
    return Promise.reject(
      new DirectUploadError("midstate_not_requested", `The pass computes no ${algorithm} state #${index} (it has ${asked} for boundaries 0..${this.count - 1})`, {
        hint: "Ask for a boundary index and an algorithm the pass was started with",
      }),
    );
  }

  digests(): Promise<Digests> {
    return this.done.promise;
  }

  resolve(index: number, state: Midstate): void {
    this.states.get(state.algorithm)?.[index]?.resolve(state);
  }

  report(): Promise<HashingReport> {
    return this.where.promise;
  }

  finish({ digests, hashing, hasher }: PassOutcome): void {
    this.done.resolve(digests);
    this.where.resolve({ hashing, hasher });
  }

  fail(error: unknown): void {
    for (const slots of this.states.values()) for (const slot of slots) slot.reject(error);
    this.done.reject(error);
    this.where.reject(error);
  }
}
