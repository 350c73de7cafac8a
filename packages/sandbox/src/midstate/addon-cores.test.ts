import { createHash, randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { EXECUTOR_ADDON } from "../../test/fixtures/executor-addon.js";
import { loadAddonCores } from "./addon-cores.js";
import { MidstateHasher, initialState } from "./hash-state.js";

it("loads the executor's addon, whose chain of parts ends at node:crypto's digest", () => {
  const cores = loadAddonCores(fileURLToPath(new URL(EXECUTOR_ADDON, import.meta.url)));
  expect(cores).toBeTypeOf("function");
  const data = randomBytes(64 * 1000 + 7);
  const first = MidstateHasher.resume(initialState("sha256"), cores).update(data.subarray(0, 64 * 600));
  const state = first.exportState()!;
  expect(state.offset).toBe(64 * 600);
  const last = MidstateHasher.resume(state, cores).update(data.subarray(64 * 600));
  expect(last.exportState()).toBeUndefined();
  expect(last.digestHex()).toBe(createHash("sha256").update(data).digest("hex"));
});

it("is undefined for a missing file or one that is not an addon", () => {
  expect(loadAddonCores("/nonexistent/direct_upload_midstate.node")).toBeUndefined();
  expect(loadAddonCores(fileURLToPath(new URL("../../test/fixtures/hash-midstates.json", import.meta.url)))).toBeUndefined();
});
