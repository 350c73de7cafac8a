import { PathTraversalError } from "../../errors.js";
import { problem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import type { Route } from "../../types.js";
import { badItemIndices, cloudbaseApi, INVALID_PARAM, OBJECT_ALREADY_EXIST, sendItems } from "./gateway.js";
import type { CloudbaseState } from "./state.js";

type Item = Record<string, unknown>;
export type ItemHandler = (state: CloudbaseState, item: Item) => Promise<unknown>;

/** A `/v1/storages/*` call: an array of items in, one answer per item out (a bad item gets INVALID_PARAM, the rest go on). */
export function itemsRoute(state: CloudbaseState, path: string, operationId: string, handleItem: ItemHandler): Route {
  return jsonApiRoute<Item[]>(cloudbaseApi(state.ctx, state.token), {
    path: `/cloudbase/v1/storages/${path}`,
    key: `cloudbase.${path}`,
    operationId,
    async handle({ body, problems, res }) {
      if (body.length > state.batchLimit) {
        return problem(400, "OBJECT_BATCH_TOO_LARGE", "The number of objects processed in a single batch is too large. Try reducing the number of objects processed per batch.");
      }
      const badItems = badItemIndices(problems) ?? new Set();
      const items: unknown[] = [];
      // One upload target per object and call: a later item for the same objectId is OBJECT_ALREADY_EXIST (the sandbox's reading).
      const seen = new Set<unknown>();
      for (const [index, item] of body.entries()) {
        const id = item["objectId"];
        const repeated = id !== undefined && seen.has(id);
        seen.add(id);
        if (badItems.has(index)) items.push({ ...INVALID_PARAM });
        else if (repeated) items.push({ ...OBJECT_ALREADY_EXIST });
        else items.push(await handleItem(state, item).catch(pathProblemToInvalidParam));
      }
      sendItems(res, items);
    },
  });
}

function pathProblemToInvalidParam(error: unknown): unknown {
  if (error instanceof PathTraversalError) return { ...INVALID_PARAM };
  throw error;
}
