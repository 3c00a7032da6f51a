// After `observable build`: compiles the site's service worker (src/serviceWorker/isolation.ts) to isolation.js at
// the root of the built site. It must sit there, unhashed, for its scope to cover every page, and Framework only
// copies files that pages reference (under content-hashed names).
import { build } from "esbuild";

const out = process.env.SE_DIST ?? "dist"; // as observablehq.config.ts
await build({
  entryPoints: ["src/serviceWorker/isolation.ts"],
  outfile: `${out}/isolation.js`,
  bundle: true,
  format: "iife",
  target: "es2022",
  logLevel: "warning",
});
console.log(`serviceWorker: ${out}/isolation.js`);
