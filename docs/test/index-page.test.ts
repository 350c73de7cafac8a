import { describe, expect, it } from "vitest";
import { renderIndex } from "../src/build/index-page.mjs";
import { vendors } from "../src/vendors.mjs";

const template = "<ul>{{toc}}</ul>{{vendors}}{{more}}";
const example = (file: string, vendor: string | undefined, code: string) => ({ file, name: file.slice(0, -3), vendor, code });

describe("renderIndex", () => {
  it("files vendor examples under their vendor and gives every other example its own section", () => {
    const html = renderIndex(template, vendors, [
      example("pds.ts", "pds", "const a = 1;"),
      example("pds-executor.ts", "pds", "const b = 2;"),
      example("resume-flow.ts", undefined, "const c = 3;"),
    ]);
    const pdsSection = html.match(/<section[^>]*data-vendor="pds"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(pdsSection).toContain('data-example="pds"');
    expect(pdsSection).toContain('data-example="pds-executor"');
    expect(pdsSection).not.toContain("resume-flow");
    expect(html).toMatch(/<section class="card" id="resume-flow"><h2>resume flow<\/h2><figure class="example" data-example="resume-flow">/);
  });

  it("escapes example code so markup in it is shown, not run", () => {
    const html = renderIndex(template, vendors, [example("x.ts", undefined, 'if (a < b && c > "d") {} // <script>')]);
    expect(html).toContain('if (a &lt; b &amp;&amp; c &gt; &quot;d&quot;) {} <span class="comment">// &lt;script&gt;</span>');
    expect(html).not.toContain("<script>");
  });
});
