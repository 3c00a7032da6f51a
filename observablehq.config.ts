// Observable Framework configuration. The source root is src/pages so that every chapter has a clean URL
// (/squeeze, not /pages/squeeze); src/pages/{lib,components,data} are symlinks to the real folders beside it,
// because Framework only serves and transpiles modules that live under its root.
import { chapters, SITE_TITLE } from "./src/lib/site.js";
import { splitQuery } from "./src/lib/queryGuard.js";

// Runs before any module (tfjs among them) loads: removes from the address the parameters tfjs would throw on, and
// leaves them in window.seDroppedQuery for site.ts to report (src/lib/queryGuard.ts).
const guardQuery = `{const q = (${splitQuery})(location.search);
if (q.dropped.length) {
  history.replaceState(history.state, "", location.pathname + q.kept + location.hash);
  window.seDroppedQuery = q.dropped;
}}`;

export default {
  root: "src/pages",
  // A test builds a second site (with other installed models) beside the real one.
  output: process.env.SE_DIST ?? "dist",
  title: SITE_TITLE,
  pages: chapters.map(({ name, path }) => ({ name, path })),
  // The default theme loads a web font from Google's CDN; this site must build and run offline.
  globalStylesheets: [],
  style: "style.css",
  search: false,
  toc: true,
  pager: true,
  head: `<link rel="icon" href="data:,"><script>${guardQuery}</script>`,
  header: `<div id="se-header"><span id="se-backend-badge" class="se-badge" aria-live="polite">backend: starting…</span></div>`,
  footer: `Based on Jie Hu, Li Shen, Gang Sun, “Squeeze-and-Excitation Networks”, CVPR 2018 (arXiv:1709.01507).
  Every number on these pages is computed in your browser or read from recorded runs stored with the site.`,
};
