// Turns every `src/**/*.wgsl` into a sibling `*.wgsl.ts` that exports the source as a string, so one WGSL file per
// kernel can be imported the same way by Framework pages, esbuild test bundles, tsc and Node. Outputs are gitignored.
import { readdirSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "node_modules" && !name.startsWith(".")) yield* walk(path);
    } else if (name.endsWith(".wgsl")) yield path;
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
