// A loopback server for a bundler's output folder: the browser must load the app and its worker over http.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".map": "application/json" };

export interface StaticServer {
  url: string;
  /** The paths it served (with a 200), in order. */
  served: string[];
  close(): Promise<void>;
}

export async function serveStatic(dir: string): Promise<StaticServer> {
  const served: string[] = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = join(dir, normalize(path === "/" ? "/index.html" : path));
    try {
      const body = await readFile(file);
      served.push(path);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, served, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
