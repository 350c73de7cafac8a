import { escapeHtml, fill } from "./html.mjs";

/** The index body: one section per vendor (flow, install, its examples), then a section per unclaimed example. */
export function renderIndex(template, vendors, examples) {
  const cards = vendors.map((vendor) =>
    renderVendor(
      vendor,
      examples.filter((example) => example.vendor === vendor.id),
    ),
  );
  const others = examples.filter((example) => example.vendor === undefined);
  return fill(template, {
    toc: vendors.map((vendor) => `<li><a href="#${vendor.id}">${vendor.title}</a> <span>${vendor.flow}</span></li>`).join("\n"),
    vendors: cards.join("\n"),
    more: others.map((example) => `<section class="card" id="${example.name}"><h2>${example.name.replaceAll("-", " ")}</h2>${renderExample(example)}</section>`).join("\n"),
  });
}

function renderVendor(vendor, examples) {
  return `<section class="card" id="${vendor.id}" data-vendor="${vendor.id}">
  <header class="card__head">
    <h2>${vendor.title}</h2>
    <a class="card__ref" href="${vendor.id}.html">API reference &rarr;</a>
  </header>
  <p class="card__flow">${vendor.flow}</p>
  <ol class="steps">${vendor.steps.map((step) => `<li>${step}</li>`).join("")}</ol>
  <pre class="install"><code>pnpm add ${vendor.pkg}</code></pre>
  ${examples.map(renderExample).join("\n")}
</section>`;
}

function renderExample(example) {
  return `<figure class="example" data-example="${example.name}">
    <figcaption>examples/${example.file}</figcaption>
    <pre><code class="language-ts">${markComments(escapeHtml(example.code))}</code></pre>
  </figure>`;
}

/** Dims `//` comments: the only highlighting the examples need, and it leaves the text content untouched. */
function markComments(escaped) {
  return escaped.replace(/(^|\s)(\/\/.*)$/gm, '$1<span class="comment">$2</span>');
}
