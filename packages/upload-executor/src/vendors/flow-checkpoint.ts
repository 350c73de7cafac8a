import { CheckpointMismatchError } from "../core/errors.js";
import { SourceChangedError } from "../core/source.js";
import type { FlowOptions } from "./flow-types.js";

/** Builds a checkpoint for `source` and hands it to the caller's `onCheckpoint` (awaited). */
export async function emitCheckpoint<State>(options: Pick<FlowOptions, "source" | "onCheckpoint">, vendor: string, state: State): Promise<void> {
  if (!options.onCheckpoint) return;
  const { source } = options;
  await options.onCheckpoint({ version: 1, vendor, fingerprint: await source.fingerprint(), size: source.size, state });
}

/**
 * The state of `resumeFrom`, after checking it was made by this vendor's flow for this very source. The state's
 * shape is checked by `isState` (a checkpoint is read back from storage the caller controls).
 */
export async function resumeState<State>(
  options: Pick<FlowOptions, "source" | "resumeFrom">,
  vendor: string,
  isState: (state: unknown) => state is State,
): Promise<State | undefined> {
  const { resumeFrom: checkpoint, source } = options;
  if (!checkpoint) return undefined;
  if (checkpoint.version !== 1 || checkpoint.vendor !== vendor) {
    throw new CheckpointMismatchError(`it was made by the ${String(checkpoint.vendor)} flow (version ${String(checkpoint.version)}), not ${vendor}`);
  }
  if (checkpoint.size !== source.size || checkpoint.fingerprint !== (await source.fingerprint())) {
    throw new SourceChangedError(source.name, "its size or fingerprint differs from the checkpoint");
  }
  if (!isState(checkpoint.state)) throw new CheckpointMismatchError(`its ${vendor} state is not one this flow writes`);
  return checkpoint.state;
}
