// Where the built site lives and which pages it has; browser tests run against `npm run build`'s output.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const DIST = "dist";

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Clean URLs of every page in dist/ (`/`, `/backends`, …). */
export function pagePaths(): string[] {
  if (!existsSync(join(DIST, "index.html")))
    throw new Error("dist/ has no index.html: run `npm run build` first");
  return walk(DIST)
    .filter((f) => f.endsWith(".html") && !f.startsWith(join(DIST, "_")) && !f.endsWith("404.html"))
    .map(
      (f) =>
        "/" +
        relative(DIST, f)
          .replace(/(^|\/)index\.html$/, "")
          .replace(/\.html$/, ""),
    )
    .sort();
}
