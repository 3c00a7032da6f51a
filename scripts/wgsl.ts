// Turns every `src/**/*.wgsl` into a sibling `*.wgsl.ts` that exports the source as a string, so one WGSL file per
// kernel can be imported the same way by Framework pages, esbuild test bundles, tsc and Node. Outputs are gitignored.
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

// Symbolic links are skipped, not followed: src/pages/lib links to src/lib (and src/pages/models to data/models), so
// following them would reach every kernel twice and write it twice, under two different headers.
function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) yield* walk(path);
    } else if (entry.isFile() && entry.name.endsWith(".wgsl")) yield path;
  }
}

let count = 0;
for (const file of walk("src")) {
  const out = `${file}.ts`;
  const text = `// Generated from ${file} by scripts/wgsl.ts; edit the .wgsl file.\nexport default ${JSON.stringify(readFileSync(file, "utf8"))};\n`;
  if (!existsSync(out) || readFileSync(out, "utf8") !== text) writeFileSync(out, text);
  count++;
}
console.log(`wgsl: ${count} kernel source(s) ready`);
