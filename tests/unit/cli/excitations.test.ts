// `npm run excitations` end to end: a folder per class of PNG images through an imported model gives the
// Figure 8 JSON; bad folders get specific messages and exit code 2.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { parseFashionSubset } from "../../../src/lib/fashionSubset.js";
import { golden } from "../import/fixtures.js";
import { root, run } from "./run.js";

async function pngFile(path: string, pixels: Uint8Array): Promise<void> {
  const png = new PNG({ width: 28, height: 28 });
  pixels.forEach((v, i) => png.data.set([v, v, v, 255], i * 4));
  await writeFile(path, PNG.sync.write(png));
}

test("excitations CLI: per-class profiles from folders of images", async () => {
  const dir = await mkdtemp(join(tmpdir(), "se-excitations-"));
  try {
    const config = join(dir, "config.json");
    await writeFile(config, JSON.stringify(golden("tiny_se_basic_fashion").config));
    const model = join(dir, "model");
    const imported = await run("weights.ts", [
      "import",
      join(root, "tests/fixtures/tiny_se_basic_fashion.safetensors"),
      "--config",
      config,
      "--labels",
      "fashion-mnist",
      "--out",
      model,
    ]);
    assert.equal(imported.code, 0, imported.stderr);
    const subset = parseFashionSubset(
      new Uint8Array(await readFile(join(root, "data/fashion/test-subset.bin"))),
      JSON.parse(await readFile(join(root, "data/fashion/test-subset.json"), "utf8")),
    );
    const images = join(dir, "images");
    for (const label of [0, 1]) {
      const folder = join(images, subset.classNames[label].replace("/", "-"));
      await mkdir(folder, { recursive: true });
      const mine = subset.images.filter((_, i) => subset.labels[i] === label).slice(0, 3);
      for (const [i, pixels] of mine.entries()) await pngFile(join(folder, `${i}.png`), pixels);
    }
    const out = join(dir, "profiles.json");
    const r = await run("excitations.ts", [
      "--weights",
      model,
      "--images",
      images,
      "--per-class",
      "2",
      "--out",
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const profiles = JSON.parse(await readFile(out, "utf8"));
    assert.deepEqual(profiles.classes, ["T-shirt-top", "Trouser"]);
    assert.deepEqual(profiles.classCounts, [2, 2]);
    assert.deepEqual(
      profiles.blocks.map((b: { name: string }) => b.name),
      ["SE_2_1", "SE_2_2", "SE_3_1", "SE_3_2", "SE_4_1", "SE_4_2"],
    );
    for (const b of profiles.blocks) {
      assert.equal(b.classMeans.length, 2);
      const bad = b.classMeans.flat().filter((v: number) => !(v >= 0 && v <= 1));
      assert.deepEqual(bad, [], `${b.name}: excitations are sigmoids`);
      assert.ok(b.classSpecificity >= 0 && b.classSpecificity <= 1);
      // the RMS distance from the overall mean cannot exceed the largest gap between two class means
      assert.ok(b.classSpread >= 0 && b.classSpread <= b.classRange + 1e-12, `${b.name}: spread, range`);
    }

    const missing = await run("excitations.ts", ["--weights", model, "--images", join(dir, "nowhere")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such directory/);
    const flat = await run("excitations.ts", ["--weights", model, "--images", join(images, "Trouser")]);
    assert.equal(flat.code, 2);
    assert.match(flat.stderr, /no class folders/);
    const bad = await run("excitations.ts", ["--weights", model, "--images", images, "--per-class", "zero"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--per-class must be a positive integer/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
