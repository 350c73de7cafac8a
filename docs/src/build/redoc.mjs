import { execFile } from "node:child_process";
import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { renderNav } from "./nav.mjs";

const run = promisify(execFile);

// Redoc's "API docs by Redocly" badge loads its logo from this CDN. We keep the attribution but draw it locally.
const CDN_LOGOS = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const LOCAL_LOGO =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16">' +
      '<text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#64748b">Redocly</text></svg>',
  );

/** Builds `<vendor>.html`: a self-contained Redoc page (inline bundle), made fully offline and given the site nav. */
export async function buildRedocPage({ vendor, root, outFile, navCss }) {
  const spec = join(root, "specs", vendor.id, "openapi.yaml");
  await access(spec).catch(() => {
    throw new Error(`${vendor.api}: ${spec} does not exist yet; the docs need every vendor spec`);
  });
  await run("pnpm", ["exec", "redocly", "build-docs", vendor.api, "--inlineBundle", "-o", outFile], {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: "off" },
  });
  const html = await readFile(outFile, "utf8");
  await writeFile(outFile, addNav(offlineLogo(html), `${vendor.id}.html`, navCss));
}

function offlineLogo(html) {
  let result = html;
  for (const url of CDN_LOGOS) {
    // A Redoc upgrade that moves the logo must fail the build, not quietly bring the CDN request back.
    if (!result.includes(url)) throw new Error(`Redoc output no longer contains ${url}; update docs/src/build/redoc.mjs`);
    result = result.replaceAll(url, LOCAL_LOGO);
  }
  return result;
}

function addNav(html, current, navCss) {
  const anchor = '<div id="redoc">';
  if (!html.includes(anchor)) throw new Error(`Redoc output has no ${anchor}; update docs/src/build/redoc.mjs`);
  return html.replace("</head>", () => `<link rel="icon" href="data:,">\n<style>${navCss}</style>\n</head>`).replace(anchor, () => `${renderNav(current)}\n${anchor}`);
}
