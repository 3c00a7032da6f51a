// Bundles a browser test entry (TypeScript importing src/) with esbuild into a folder with an index.html, so a
// test can serve it on 127.0.0.1 and drive it in Chromium without building the whole site.
import { mkdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

export async function bundlePage(entry: string, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: `${outDir}/page.js`,
    logLevel: "warning",
  });
  writeFileSync(
    `${outDir}/index.html`,
    `<!doctype html><meta charset="utf-8"><body><script type="module" src="page.js"></script></body>`,
  );
}
