import { PathTraversalError } from "../../errors.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import type { Route } from "../../types.js";
import { badItemIndices, cloudbaseApi, INVALID_PARAM, sendItems } from "./gateway.js";
import type { CloudbaseState } from "./state.js";

export type Item = Record<string, unknown>;
export type ItemHandler = (state: CloudbaseState, item: Item) => Promise<unknown>;

/** A `/v1/storages/*` call: an array of items in, one answer per item out (a bad item gets INVALID_PARAM, the rest go on). */
export function itemsRoute(state: CloudbaseState, path: string, operationId: string, handleItem: ItemHandler): Route {
  return jsonApiRoute<Item[]>(cloudbaseApi(state.ctx, state.token), {
    path: `/cloudbase/v1/storages/${path}`,
    key: `cloudbase.${path}`,
    operationId,
    async handle({ body, problems, res }) {
      const badItems = badItemIndices(problems) ?? new Set();
      const items: unknown[] = [];
      for (const [index, item] of body.entries()) {
        items.push(badItems.has(index) ? { ...INVALID_PARAM } : await handleItem(state, item).catch(pathProblemToInvalidParam));
      }
      sendItems(res, items);
    },
  });
}

function pathProblemToInvalidParam(error: unknown): unknown {
  if (error instanceof PathTraversalError) return { ...INVALID_PARAM };
  throw error;
}
