import { vendors } from "../vendors.mjs";

const pages = [
  { href: "index.html", label: "Overview" },
  { href: "midstate.html", label: "Midstate uploads" },
  ...vendors.map((vendor) => ({ href: `${vendor.id}.html`, label: vendor.short })),
];

/** The bar shared by every page; `current` is the file name of the page it sits on. */
export function renderNav(current) {
  const links = pages.map(({ href, label }) => {
    const attrs = href === current ? ' aria-current="page"' : "";
    return `<a href="${href}"${attrs}>${label}</a>`;
  });
  return `<nav class="site-nav" aria-label="Site"><a class="site-nav__brand" href="index.html">direct-upload</a><div class="site-nav__links">${links.join("")}</div></nav>`;
}
