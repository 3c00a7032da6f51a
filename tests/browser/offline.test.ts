// The built site must not reference other hosts: no CDN scripts, fonts or styles. URLs that are only text for a
// reader or a developer (licence headers, XML namespaces, links inside error messages) are allowed one by one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, walk } from "../helpers/dist.js";

const TEXT_ONLY = [
  "http://www.apache.org/licenses/LICENSE-2.0", // licence comments of tfjs
  "http://www.w3.org/", // XML namespaces used by d3 and KaTeX's MathML, never fetched
  "https://www.shadertoy.com/view/4djSRW", // hash-function credit in a tfjs shader comment
  "https://github.com/tensorflow/tfjs/", // links in tfjs error messages
  "https://github.com/tensorflow/tfjs-node", // tfjs console hint (Node only)
  "https://en.wikipedia.org/wiki/IEEE_754-1985", // comment in tfjs-core
  "https://emscripten.org/docs/porting/pthreads.html", // emscripten warning text
  "https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API", // tfjs error message
  "https://arxiv.org/abs/1706.02515", // SELU paper cited in a tfjs comment
];

test("dist/ references no other host except as plain text", () => {
  const offending: string[] = [];
  for (const file of walk(DIST).filter((f) => /\.(html|js|css)$/.test(f))) {
    const text = readFileSync(file, "utf8");
    for (const [url] of text.matchAll(/https?:\/\/[^\s"'`()<>\\]+/g)) {
      const host = new URL(url).hostname;
      if (host === "127.0.0.1" || host === "localhost") continue;
      if (!TEXT_ONLY.some((prefix) => url.startsWith(prefix))) offending.push(`${file}: ${url}`);
    }
  }
  assert.deepEqual(offending, [], `off-host references in dist/:\n${offending.join("\n")}`);
});

test("the scan would catch a CDN font or script", () => {
  const sample = `<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=X">`;
  const urls = [...sample.matchAll(/https?:\/\/[^\s"'`()<>\\]+/g)].map(([u]) => u);
  assert.equal(urls.filter((u) => !TEXT_ONLY.some((p) => u.startsWith(p))).length, 1);
});
