import { describe, expect, it } from "vitest";
import { hbrEndpoint } from "./endpoint.js";

describe("hbrEndpoint", () => {
  it("uses the regional host, cn-hangzhou by default", () => {
    expect(hbrEndpoint()).toBe("hbr.cn-hangzhou.aliyuncs.com");
    expect(hbrEndpoint("ap-southeast-1")).toBe("hbr.ap-southeast-1.aliyuncs.com");
  });

  it("maps the SDK's special regions to the central host", () => {
    expect(hbrEndpoint("cn-wulanchabu")).toBe("hbr.aliyuncs.com");
    expect(hbrEndpoint("cn-beijing-finance-1")).toBe("hbr.aliyuncs.com");
  });
});
