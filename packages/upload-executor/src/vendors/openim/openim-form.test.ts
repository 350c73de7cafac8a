import { describe, expect, it } from "vitest";
import { openimFormPlan, openimHeaders, openimObjectKey } from "./openim-form.js";

const form = {
  id: "task-1",
  url: "https://cos.example.com/bucket",
  file: "upload",
  header: [
    { key: "x-cos-meta-a", values: ["1", "2"] },
    { key: "Content-Type", values: ["multipart/form-data"] },
  ],
  formData: { policy: "cG9saWN5", "q-ak": "AKID", key: "u1/a.png", success_action_status: "201" },
  expires: 1,
  successCodes: [201],
};

describe("openimFormPlan", () => {
  it("keeps the issued field order, file field name, headers and success codes", () => {
    expect(openimFormPlan(form, "image/png")).toEqual({
      kind: "form",
      url: "https://cos.example.com/bucket",
      fields: [
        ["policy", "cG9saWN5"],
        ["q-ak", "AKID"],
        ["key", "u1/a.png"],
        ["success_action_status", "201"],
      ],
      fileField: "upload",
      headers: { "x-cos-meta-a": "1, 2" },
      successStatus: [201],
      contentType: "image/png",
    });
    expect(openimObjectKey(form)).toBe("u1/a.png");
  });

  it("accepts the null header list and a missing formData", () => {
    expect(openimHeaders(null)).toEqual({});
    const { formData: _formData, ...bare } = form;
    expect(openimFormPlan({ ...bare, header: null }, undefined)).toMatchObject({ fields: [], headers: {} });
    expect(openimObjectKey(bare)).toBeUndefined();
  });
});
