// The app's own Vite (8, or 7 under the vite7 alias), not the workspace's: builds and dev servers for the matrix.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** As far as these tests use Vite's API. */
interface ViteApi {
  createServer(config: object): Promise<{ listen(): Promise<unknown>; resolvedUrls: { local: string[] } | null; close(): Promise<void> }>;
}

export type ViteName = "vite" | "vite7";

/** `vite build [root] --outDir out` with the app's config. */
export function viteBuild(app: string, vite: ViteName, outDir: string, root = "."): void {
  execFileSync(process.execPath, [join(app, "node_modules", vite, "bin/vite.js"), "build", root, "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"], {
    cwd: app,
    stdio: "pipe",
  });
}

/** A dev server over the app with its vite.config.js (each Vite with its own pre-bundle cache). */
export async function viteDevServer(app: string, vite: ViteName): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = (await import(pathToFileURL(createRequire(join(app, "package.json")).resolve(vite)).href)) as ViteApi;
  const server = await createServer({ root: app, cacheDir: `node_modules/.${vite}`, logLevel: "error", server: { host: "127.0.0.1", port: 0 } });
  await server.listen();
  return { url: server.resolvedUrls!.local[0]!.replace(/\/$/, ""), close: () => server.close() };
}
