// The pages every bundler builds, written into the shared app by app.setup.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Three flows against the sandbox (window.runUploads), each reporting where it hashed and what it warned. */
const UPLOADS_PAGE = `
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { createOpenimClient } from "@direct-upload/openim-client";
import { createPdsClient } from "@direct-upload/pds-client";
import { fromBlob, uploadToKoodrive, uploadToOpenim, uploadToPds } from "@direct-upload/upload-executor";

const bytes = (size) => new Blob([Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) & 255)]);
// Each upload reports its own warnings (engine.onWarning), so "once per upload" can be checked.
const withWarnings = async (upload) => {
  const warnings = [];
  const { vendor, bytes, sha256, hashing } = await upload({ onWarning: (warning) => warnings.push({ ...warning }) });
  return { vendor, bytes, sha256, hashing, warnings };
};
window.runUploads = async ({ pds, koodrive, openim }) => {
  const pdsClient = createPdsClient({ baseUrl: pds.baseUrl, token: pds.token });
  const kdClient = createKoodriveClient({ baseUrl: koodrive.baseUrl, userId: koodrive.userId, auth: { type: "bearer", token: koodrive.token } });
  const imClient = createOpenimClient({ baseUrl: openim.baseUrl, token: openim.token });
  return [
    await withWarnings((engine) => uploadToPds({ client: pdsClient, driveId: pds.driveId, source: fromBlob(new File([bytes(300 * 1024 + 5)], "p.bin")), partSize: 100 * 1024, rapid: "off", engine })),
    await withWarnings((engine) => uploadToKoodrive({ client: kdClient, source: fromBlob(new File([bytes(5 * 1024 * 1024 + 9)], "k.bin")), engine })),
    await withWarnings((engine) => uploadToOpenim({ client: imClient, source: fromBlob(new File([bytes(1000)], "o.png", { type: "image/png" })), name: openim.userId + "/o.png", engine })),
  ];
};
`;

/** A one-vendor page (PDS) with the defaults (rapid "auto": a 1 KiB pre_hash, then parts hashed in the worker). */
const PDS_PAGE = `
import { createPdsClient } from "@direct-upload/pds-client";
import { fromBlob, uploadToPds } from "@direct-upload/upload-executor";

window.runUpload = async (pds, size) => {
  const client = createPdsClient({ baseUrl: pds.baseUrl, token: pds.token });
  const file = new File([Uint8Array.from({ length: size }, (_, i) => (i * 13 + 1) & 255)], "one.bin");
  const { bytes, sha256, hashing } = await uploadToPds({ client, driveId: pds.driveId, source: fromBlob(file) });
  return { bytes, sha256, hashing };
};
`;

/** The pages' entry modules, relative to the app. */
export const ENTRIES = { uploads: "src/main.js", pds: "pds/main.js" } as const;

/** An HTML page loading `script` (a module script unless `classic`). */
export function html(script: string, { classic = false } = {}): string {
  return `<!doctype html><input type="file"><script ${classic ? "" : 'type="module" '}src="${script}"></script>`;
}

export function writePages(dir: string): void {
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, ENTRIES.uploads), UPLOADS_PAGE);
  writeFileSync(join(dir, "index.html"), html(`/${ENTRIES.uploads}`));
  mkdirSync(join(dir, "pds"));
  writeFileSync(join(dir, ENTRIES.pds), PDS_PAGE);
  writeFileSync(join(dir, "pds/index.html"), html("./main.js"));
  // The README's Vite advice (dev server only; a production build ignores it).
  writeFileSync(join(dir, "vite.config.js"), `export default { optimizeDeps: { exclude: ["@direct-upload/upload-executor"] } };`);
}
