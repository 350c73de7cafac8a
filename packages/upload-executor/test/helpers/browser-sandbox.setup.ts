// vitest globalSetup of the browser tests: runs in Node, where the sandbox lives, and hands its address to the page.
import { startSandbox } from "@direct-upload/sandbox";
import type { TestProject } from "vitest/node";

export interface BrowserSandbox {
  url: string;
  vendors: Record<string, Record<string, string>>;
}

declare module "vitest" {
  export interface ProvidedContext {
    sandbox: BrowserSandbox;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sandbox = await startSandbox();
  project.provide("sandbox", { url: sandbox.url, vendors: sandbox.vendors as BrowserSandbox["vendors"] });
  return () => sandbox.stop();
}
