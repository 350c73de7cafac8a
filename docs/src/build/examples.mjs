import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Every `.ts` file in docs/examples, sorted by name. A file belongs to a vendor when it is named `<vendor>.ts` or
 * `<vendor>-<topic>.ts`; any other file still gets its own section on the index page.
 */
export async function readExamples(dir, vendorIds) {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".ts")).sort();
  return Promise.all(
    files.map(async (file) => {
      const name = file.slice(0, -".ts".length);
      const vendor = vendorIds.find((id) => name === id || name.startsWith(`${id}-`));
      return { file, name, vendor, code: await readFile(join(dir, file), "utf8") };
    }),
  );
}
