import { chromium, type Browser, type Page } from "playwright-core";
import { findChromium } from "../../scripts/find-chromium.mjs";

const args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export function launchChromium(): Promise<Browser> {
  const { executablePath, env } = findChromium();
  return chromium.launch({ executablePath, env, headless: true, args });
}

export interface GuardedPage {
  page: Page;
  /** Requests that tried to leave the local server; each was aborted. */
  external: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** A page in a fresh context that may only talk to `origin` (plus data: and blob:), with its errors recorded. */
export async function openGuarded(browser: Browser, origin: string): Promise<GuardedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const external: string[] = [];
  const errors: string[] = [];
  const isLocal = (url: string) => url.startsWith(`${origin}/`) || /^(data|blob):/.test(url);

  const record = (url: string) => {
    if (!isLocal(url) && !external.includes(url)) external.push(url);
  };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    record(url);
    return route.abort("blockedbyclient");
  });
  // Belt and braces: requests the route handler does not see, and WebSockets, are recorded too.
  context.on("request", (request) => record(request.url()));

  const page = await context.newPage();
  page.on("websocket", (socket) => record(socket.url()));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return { page, external, errors, close: () => context.close() };
}
