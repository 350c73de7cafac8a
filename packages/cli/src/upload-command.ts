import { DirectUploadError, VendorApiError } from "@direct-upload/client-core";
import { createConcurrencyLimit, fromFile, nodeTransport, runPool } from "@direct-upload/upload-executor/node";
import type { ConcurrencyLimit, FlowCheckpoint, VendorUpload } from "@direct-upload/upload-executor";
import { CheckpointStore } from "./checkpoint-store.js";
import { describeError, formatErrorReport } from "./describe-error.js";
import { SIGNAL_EXIT_CODES, trapStopSignals, type StopSignal } from "./interrupt.js";
import type { CliIo } from "./io.js";
import { jsonLine, type Outcome } from "./outcome.js";
import { partSizeNotice } from "./part-size-notice.js";
import { createProgress } from "./progress/create-progress.js";
import type { ProgressView } from "./progress/view.js";
import { resumeCommand } from "./resume-hint.js";
import type { UploadFile, UploadSettings } from "./settings.js";
import { styleFor, type Style } from "./style.js";
import { summaryLines } from "./summary.js";

interface Run {
  settings: UploadSettings;
  io: CliIo;
  upload: VendorUpload;
  store: CheckpointStore | undefined;
  progress: ProgressView;
  signal: AbortSignal;
  style: Style;
  /** Shared by every file: at most `--concurrency` requests (parts or whole files) are in flight in total. */
  limit: ConcurrencyLimit;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Uploads up to `--concurrency` files at once under one shared request limit, so many small files go in parallel
 * and one large file gets every slot for its parts. Ctrl-C aborts the uploads, waits for their requests to stop,
 * saves the checkpoints and prints the command that resumes. Exit code: 0 all done, 1 any failed, 130/143 stopped.
 */
export async function runUpload(settings: UploadSettings, io: CliIo): Promise<number> {
  const style = styleFor(io.stderr, io.env);
  const store = settings.checkpoint ? await CheckpointStore.open(settings.checkpoint) : undefined;
  const upload = settings.vendor.connect(settings.endpoint, settings.values);
  const progress = createProgress(
    io,
    settings.files.map((file) => file.size),
  );
  const controller = new AbortController();
  let stoppedBy: StopSignal | undefined;
  const untrap = trapStopSignals((signal) => {
    stoppedBy = signal;
    progress.log(style.yellow(`${signal === "SIGINT" ? "Ctrl-C" : signal}: stopping the upload and saving the checkpoint (press Ctrl-C again to quit now)`));
    controller.abort(new Error(`stopped by ${signal}`));
  });

  const started = performance.now();
  const limit = createConcurrencyLimit(settings.concurrency ?? DEFAULT_CONCURRENCY);
  const run: Run = { settings, io, upload, store, progress, signal: controller.signal, style, limit };
  // Indexed by file, so the summary keeps the command line's order whatever finishes first.
  const outcomes: Outcome[] = [];
  try {
    await runPool(
      settings.files,
      limit.size,
      async (file, index) => {
        const outcome = await uploadOne(file, run);
        outcomes[index] = outcome;
        if (settings.json && outcome.status !== "stopped") io.stdout.write(`${jsonLine(outcome, settings.vendor.name)}\n`);
      },
      controller.signal,
    );
    await store?.flush();
  } finally {
    progress.stop();
    untrap();
  }

  const ended = outcomes.filter((outcome) => outcome !== undefined);
  const summary = summaryLines(ended, settings.vendor.name, settings.json ? style : styleFor(io.stdout, io.env), (performance.now() - started) / 1000);
  (settings.json ? io.stderr : io.stdout).write(`\n${summary.join("\n")}\n`);
  if (stoppedBy) {
    printResumeHint(run, ended);
    return SIGNAL_EXIT_CODES[stoppedBy];
  }
  return ended.some((outcome) => outcome.status === "failed") ? 1 : 0;
}

async function uploadOne(file: UploadFile, run: Run): Promise<Outcome> {
  const { settings, store, progress } = run;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let source: Awaited<ReturnType<typeof fromFile>> | undefined;
  // A resumed upload's first report includes what earlier runs sent; only the rest counts for the speed.
  let carried: number | undefined;
  try {
    source = await fromFile(file.path);
    const resumeFrom = await resumable(file, await source.fingerprint(), run);
    progress.start(file.arg, file.size, resumeFrom !== undefined);
    // A resumed upload keeps its checkpoint's parts; otherwise say when the vendor's limits change --part-size.
    const notice = resumeFrom ? undefined : partSizeNotice(settings.vendor, settings.partSize, file.size);
    if (notice) progress.log(run.style.yellow(`${file.arg}: --part-size ${notice.requested} became ${notice.used} bytes: ${notice.reason}`));
    const result = await run.upload({
      source,
      signal: run.signal,
      engine: { transport: nodeTransport, ...timeouts(settings.timeoutMs) },
      onProgress: ({ loaded }) => {
        carried ??= resumeFrom ? loaded : 0;
        progress.update(file.arg, loaded);
      },
      onCheckpoint: (checkpoint) => store?.set(file.path, { vendor: settings.vendor.name, endpoint: settings.endpoint, checkpoint, savedAt: new Date().toISOString() }),
      ...(resumeFrom ? { resumeFrom } : {}),
      concurrency: run.limit,
      ...(settings.partSize !== undefined ? { partSize: settings.partSize } : {}),
    });
    await store?.delete(file.path);
    progress.finish(file.arg, "done");
    return { status: "done", file, result, seconds: seconds(), resumed: resumeFrom !== undefined, sentBytes: result.bytes - (carried ?? 0), partSize: notice };
  } catch (error) {
    if (run.signal.aborted) {
      progress.finish(file.arg, "stopped");
      return { status: "stopped", file };
    }
    const report = describeError(error, settings.secrets, settings.vendor.name);
    progress.finish(file.arg, "failed");
    const [first, ...rest] = formatErrorReport(report);
    progress.log(run.style.red(`✖ ${file.arg}: ${first}`));
    for (const line of rest) progress.log(`  ${line}`);
    if (store?.get(file.path) && !resumeCanHelp(error)) {
      await store.delete(file.path);
      progress.log(run.style.yellow(`${file.arg}: dropped its saved checkpoint (a resume would fail the same way); the next run starts over`));
    }
    return { status: "failed", file, error: report, seconds: seconds() };
  } finally {
    await source?.close?.();
  }
}

/** The saved checkpoint for this file, if it was made for the same vendor, endpoint and content. */
async function resumable(file: UploadFile, fingerprint: string, run: Run): Promise<FlowCheckpoint | undefined> {
  const { store, settings, progress, style } = run;
  const entry = store?.get(file.path);
  if (!store || !entry) return undefined;
  const { checkpoint } = entry;
  if (entry.vendor === settings.vendor.name && entry.endpoint === settings.endpoint && checkpoint.fingerprint === fingerprint) {
    progress.log(style.dim(`${file.arg}: resuming from ${store.path}`));
    return checkpoint;
  }
  const why = checkpoint.fingerprint === fingerprint ? `was for ${entry.vendor} at ${entry.endpoint}` : "was made before the file changed";
  progress.log(style.yellow(`${file.arg}: the saved checkpoint ${why}; starting over`));
  await store.delete(file.path);
  return undefined;
}

/**
 * Whether a later run may still finish from the saved checkpoint: after a failure a retry can help with, or one
 * of the credentials (fixed before the next run). Any other failure would come back on every resume.
 */
function resumeCanHelp(error: unknown): boolean {
  if (!DirectUploadError.is(error)) return false;
  if (VendorApiError.is(error) && (error.status === 401 || error.status === 403)) return true;
  return error.retryable;
}

/** `--timeout` bounds every wait: vendor API calls, storage stalls and the storage's answer. */
function timeouts(ms: number | undefined) {
  return ms === undefined ? {} : { vendorTimeoutMs: ms, stallTimeoutMs: ms, responseTimeoutMs: ms };
}

function printResumeHint(run: Run, outcomes: Outcome[]): void {
  const { settings, io, style } = run;
  const finished = new Set(outcomes.filter((o) => o.status !== "stopped").map((o) => o.file.path));
  const left = settings.files.filter((file) => !finished.has(file.path));
  if (!settings.checkpoint) {
    io.stderr.write(style.yellow(`Stopped. Without --checkpoint the next run starts over; add --checkpoint <file> to make uploads resumable.\n`));
    return;
  }
  io.stderr.write(`${style.yellow("Stopped.")} Progress is saved in ${settings.checkpoint}. Resume with:\n  ${resumeCommand(settings, left)}\n`);
}
