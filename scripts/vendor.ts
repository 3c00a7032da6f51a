// Pre-bundles the two npm packages that Observable Framework's own node_modules bundler gets wrong, and places
// them in Framework's import cache, which it uses as-is when the file exists:
// - seedrandom is CommonJS; Framework's bundle exports only `default`, but tfjs-core does
//   `import * as seedrandom` and calls `seedrandom.alea`, so tf.randomNormal throws "alea is not a function".
// - tfjs-backend-wasm's emscripten glue imports fs/os/path/perf_hooks (only used under Node); its package.json
//   maps them to `false` for browsers, which Framework ignores, leaving bare `import "fs"` in the page.
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const CACHE = "src/pages/.observablehq/cache/_node";

function version(name: string): string {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
}

async function bundle(contents: string, resolveDir: string, external: string[] = []): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    external,
    // Node built-ins used only when the emscripten glue detects Node; in the browser they are never called.
    plugins: [
      {
        name: "empty-node-builtins",
        setup(b) {
          b.onResolve({ filter: /^(fs|os|path|perf_hooks|worker_threads|crypto)$/ }, (args) => ({
            path: args.path,
            namespace: "empty",
          }));
          b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({
            contents: "export default {};",
            loader: "js",
          }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const seedrandom = version("seedrandom");
const seedrandomDir = dirname(require.resolve("seedrandom/package.json"));
write(
  join(CACHE, `seedrandom@${seedrandom}/index.js`),
  await bundle(
    `import sr from "./index.js"; export default sr;
     export const {alea, xor128, xorwow, xorshift7, xor4096, tychei} = sr;`,
    seedrandomDir,
  ),
);

const core = version("@tensorflow/tfjs-core");
const wasm = version("@tensorflow/tfjs-backend-wasm");
const wasmDir = dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json"));
const wasmCode = await bundle(`export * from "./dist/index.js";`, wasmDir, ["@tensorflow/tfjs-core"]);
// Point the one external import at Framework's own bundle of tfjs-core, so there is a single tfjs engine.
write(
  join(CACHE, `@tensorflow/tfjs-backend-wasm@${wasm}/index.js`),
  wasmCode.replace(/(from\s*)"@tensorflow\/tfjs-core"/g, `$1"../tfjs-core@${core}/index.js"`),
);
console.log(`vendor: seedrandom@${seedrandom}, @tensorflow/tfjs-backend-wasm@${wasm} pre-bundled`);
