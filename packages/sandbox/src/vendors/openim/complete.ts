import { jsonApiRoute } from "../../server/json-api-route.js";
import type { Route } from "../../types.js";
import { checkUploadName, OPENIM_BUCKET, openimApi, type OpenimCaller, type OpenimState } from "./api.js";
import { OPENIM_ERRORS, openimProblem, sendEnvelope } from "./envelope.js";
import { decodeMate } from "./form-data-id.js";

/** POST object/complete_form_data: the object the `id` names must be stored, with the declared size. */
export function completeFormDataRoute(state: OpenimState): Route {
  return jsonApiRoute<{ id: string }, OpenimCaller>(openimApi(state), {
    path: "/openim/object/complete_form_data",
    key: "openim.complete_form_data",
    operationId: "completeFormData",
    handle({ body, caller, res }) {
      const mate = decodeMate(body.id);
      if (!mate) return openimProblem(OPENIM_ERRORS.args, "invalid id");
      const nameProblem = checkUploadName(mate.name, caller);
      if (nameProblem) return nameProblem;
      const object = state.ctx.store.get(OPENIM_BUCKET, mate.key);
      // MinIO's NoSuchKey is not mapped to a CodeError, so OpenIM reports a missing object as ServerInternalError.
      if (!object) return openimProblem(OPENIM_ERRORS.internal, "The specified key does not exist.");
      if (object.size > 0 && object.size !== mate.size) return openimProblem(OPENIM_ERRORS.data, "file size mismatch");
      sendEnvelope(res, { url: `${state.ctx.baseUrl()}/openim/object/${encodeURI(mate.name)}` });
    },
  });
}
