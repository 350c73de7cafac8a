import type { PartLayout } from "../part-layout.js";
import type { MultipartPlan, PartRequest } from "../plan.js";
import type { UploadSource } from "../source.js";
import type { MultipartCheckpoint } from "./checkpoint.js";
import type { UploadWarning } from "../options.js";
import { defaultMidstateProvider, type HashAlgorithm, type HashingReport, type Midstate, type MidstatePass } from "./midstates.js";

/**
 * The pass's read size during an upload: the parts send these very chunks (see SharedReads), so a few of them per
 * part in flight is the upload's buffer memory; 1 MiB also matches the Node transport's write size.
 */
const UPLOAD_CHUNK_SIZE = 1024 * 1024;

/**
 * Midstates per part, from the checkpoint when it has them, else from one hashing pass that starts on first need.
 * Every computed state is written into the checkpoint so a resume can sign URLs without hashing again.
 */
export class MidstateCache {
  private pass: Promise<MidstatePass> | undefined;
  private readonly algorithms: readonly HashAlgorithm[];

  constructor(
    private readonly source: UploadSource,
    private readonly plan: Pick<MultipartPlan<unknown>, "midstates" | "parts">,
    private readonly checkpoint: MultipartCheckpoint<unknown>,
    private readonly signal: AbortSignal,
    todo: readonly PartLayout[],
    private readonly onWarning?: (warning: UploadWarning) => void,
  ) {
    this.algorithms = plan.midstates?.algorithms ?? [];
    // A resume whose checkpoint lacks a state or the digests needs the pass anyway: start it at once.
    if (this.algorithms.length > 0 && (!this.hasDigests() || todo.some((part) => !this.peek(part)))) this.start();
  }

  /** The part with its midstates, if they are already known. */
  peek(part: PartLayout): PartRequest | undefined {
    const known = this.checkpoint.midstates[part.number] ?? {};
    if (!this.algorithms.every((alg) => known[alg])) return undefined;
    return { number: part.number, offset: part.offset, size: part.size, midstates: { ...known } };
  }

  /** The part with its midstates, waiting for the hashing pass to reach the part's first byte. */
  async request(part: PartLayout): Promise<PartRequest> {
    const known = this.peek(part);
    if (known) return known;
    const pass = await this.start();
    const states: Partial<Record<HashAlgorithm, Midstate>> = {};
    for (const alg of this.algorithms) states[alg] = await pass.at(part.number - 1, alg);
    this.checkpoint.midstates[part.number] = states;
    return { number: part.number, offset: part.offset, size: part.size, midstates: { ...states } };
  }

  async digests(): Promise<Partial<Record<HashAlgorithm, string>> | undefined> {
    if (this.algorithms.length === 0) return undefined;
    if (this.hasDigests()) return this.checkpoint.digests;
    return (await this.start()).digests();
  }

  /** Where the pass ran, once it ended; undefined when no pass ran (a resume that had everything) or it does not say. */
  async report(): Promise<HashingReport | undefined> {
    return this.pass && (await this.pass).report?.();
  }

  cancel(): void {
    this.pass?.then(
      (pass) => pass.cancel(),
      () => undefined,
    );
  }

  private hasDigests(): boolean {
    return [...this.algorithms, ...(this.plan.midstates?.digests ?? [])].every((alg) => this.checkpoint.digests?.[alg]);
  }

  private start(): Promise<MidstatePass> {
    this.pass ??= (async () => {
      const options = this.plan.midstates!;
      const provider = options.provider ?? (await defaultMidstateProvider());
      const boundaries = this.plan.parts.map((part) => part.offset);
      return provider(this.source, boundaries, this.algorithms, {
        signal: this.signal,
        chunkSize: options.chunkSize ?? UPLOAD_CHUNK_SIZE,
        ...(options.digests === undefined ? {} : { digests: options.digests }),
        ...(this.onWarning ? { onWarning: this.onWarning } : {}),
      });
    })();
    // Failures surface through request()/digests(); this only keeps an early one from being reported as unhandled.
    this.pass.catch(() => undefined);
    return this.pass;
  }
}
