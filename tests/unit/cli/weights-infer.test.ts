// End to end through the command lines: `weights import` writes a model directory, `infer` runs it on the
// wasm backend and prints JSON that must agree with PyTorch; `weights download` fails plainly offline.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { PNG } from "pngjs";
import { toNamedTensorMap } from "../../../src/lib/import/tensors.js";
import { load } from "../../../src/lib/models/resnet.js";
import { preprocess } from "../../../src/lib/preprocess.js";
import { readModelDir } from "../../../cli/model-dir.js";
import { serve } from "../../helpers/server.js";
import { FIXTURES, golden } from "../import/fixtures.js";
import { run } from "./run.js";

function maxDiff(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i][j]))));
}

async function importFixture(dir: string, name: string, file: string, extra: string[] = []) {
  const config = join(dir, `${name}.config.json`);
  await writeFile(config, JSON.stringify(golden(name).config));
  const out = join(dir, name);
  const r = await run("weights.ts", [
    "import",
    join(FIXTURES, file),
    "--config",
    config,
    "--out",
    out,
    ...extra,
  ]);
  assert.equal(r.code, 0, r.stderr);
  return { out, stdout: r.stdout };
}

test("weights import + infer --tensor --json reproduce PyTorch (wasm backend)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cli-"));
  try {
    for (const [name, file] of [
      ["tiny_se_basic_fashion", "tiny_se_basic_fashion.pth"],
      ["tiny_se_resnet_caffe", "tiny_se_resnet_caffe.legacy.pth"],
    ]) {
      const g = golden(name);
      const { out, stdout } = await importFixture(dir, name, file);
      assert.match(
        stdout,
        new RegExp(`imported ${file.replace(/\./g, "\\.")} \\(pth-(zip|legacy), \\w+ names\\) as ${name}`),
      );
      assert.ok((await readdir(out)).some((f) => /^group1-shard1of1\.[0-9a-f]{8}\.bin$/.test(f)));
      const r = await run("infer.ts", ["--weights", out, "--tensor", join(FIXTURES, g.input.file), "--json"]);
      assert.equal(r.code, 0, r.stderr);
      const result = JSON.parse(r.stdout);
      assert.equal(result.backend, "wasm");
      assert.ok(maxDiff(result.logits, g.logits) <= 1e-4, `${name}: logits`);
      assert.deepEqual(Object.keys(result.excitations), Object.keys(g.taps));
      for (const [block, s] of Object.entries(result.excitations))
        assert.ok(maxDiff(s as number[][], g.taps[block].s) <= 1e-5, `${name}: ${block}`);
      assert.equal(result.top5.length, g.logits.length);
      for (const [n, rows] of result.top5.entries()) {
        assert.equal(rows.length, 5);
        const best = g.logits[n].indexOf(Math.max(...g.logits[n]));
        assert.equal(rows[0].index, best);
        for (let i = 1; i < 5; i++) assert.ok(rows[i - 1].prob >= rows[i].prob);
      }
      const labels = name === "tiny_se_basic_fashion";
      assert.equal(typeof result.top5[0][0].label, labels ? "string" : "object");
    }
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("infer --image applies the model's preprocessing (uint8 weights, cpu backend)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cli-"));
  try {
    const { out } = await importFixture(dir, "tiny_seresnet_timm", "tiny_seresnet_timm.safetensors", [
      "--dtype",
      "uint8",
    ]);
    const image = join(FIXTURES, "preprocess_down.png");
    const r = await run("infer.ts", ["--weights", out, "--image", image, "--json", "--backend", "cpu"]);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout);
    assert.equal(result.backend, "cpu");
    // The same computation in-process: decode, preprocess as model.json says, run the builder.
    const { descriptor, weights } = await readModelDir(out);
    assert.equal(descriptor.preprocessing.resize, 256);
    const png = PNG.sync.read(await readFile(image));
    const x = preprocess(
      { width: png.width, height: png.height, channels: 4, data: png.data },
      descriptor.preprocessing,
      3,
    );
    await tf.setBackend("cpu");
    const w = toNamedTensorMap(weights);
    const model = load({ config: descriptor.config, weights: w });
    const p = model.predict(tf.tensor4d(x, [1, 224, 224, 3]));
    assert.ok(maxDiff(result.logits, p.logits.arraySync()) <= 1e-4);
    model.dispose();
    tf.dispose([...Object.values(w), p.logits]);
    const text = await run("infer.ts", ["--weights", out, "--image", image, "--backend", "cpu"]);
    assert.match(text.stdout, /tiny_seresnet_timm on cpu, input \[1, 224, 224, 3\] NHWC\nitem 0: top 5\n/);
    assert.match(text.stdout, /mean excitation per SE block \(item 0\): SE_2_1 0\.\d{3}, SE_3_1/);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("download says plainly that it is offline and how to import instead", async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p)); // closed again: connections to it are refused
    });
  });
  const r = await run("weights.ts", ["download", "seresnet50.ra2_in1k"], {
    SE_EXPLORER_HUB: `http://127.0.0.1:${port}`,
  });
  assert.equal(r.code, 3);
  assert.match(
    r.stderr,
    new RegExp(`cannot reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\): this machine appears to be offline`),
  );
  assert.match(
    r.stderr,
    /https:\/\/huggingface\.co\/timm\/seresnet50\.ra2_in1k\/resolve\/main\/model\.safetensors/,
  );
  assert.match(
    r.stderr,
    /npm run weights -- import model\.safetensors --arch seresnet50 --naming timm --crop-pct 0\.875 --interpolation bicubic/,
  );
});

test("download streams the file from the hub and imports it; a failed import keeps the file", async () => {
  const hub = await mkdtemp(join(tmpdir(), "hub-"));
  const repo = join(hub, "timm", "seresnet50.ra2_in1k", "resolve", "main");
  await mkdir(repo, { recursive: true });
  await copyFile(join(FIXTURES, "tiny_seresnet_timm.safetensors"), join(repo, "model.safetensors"));
  const size = (await readFile(join(repo, "model.safetensors"))).length;
  const server = await serve(hub, { "content-length": String(size) }); // the one request made is for this file
  try {
    // The tiny fixture is not an SE-ResNet-50: the download works, the import is refused by name.
    const r = await run("weights.ts", ["download", "seresnet50.ra2_in1k", "--out", join(hub, "out")], {
      SE_EXPLORER_HUB: server.url,
    });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /downloading seresnet50\.ra2_in1k: 0\.2 \/ 0\.2 MB \(100%\)\n/);
    assert.match(
      r.stderr,
      /seresnet50\.ra2_in1k\/model\.safetensors: this checkpoint has \[1, 1, 1, 1\] blocks per stage/,
    );
    const kept = /\(the downloaded file is kept at (.+)\)/.exec(r.stderr)?.[1];
    assert.ok(kept);
    assert.deepEqual(await readFile(kept), await readFile(join(repo, "model.safetensors")));
    await rm(dirname(kept), { recursive: true });
  } finally {
    await server.close();
    await rm(hub, { recursive: true });
  }
});

test("bad usage and bad inputs get specific messages", async () => {
  const noWeights = await run("infer.ts", ["--tensor", "x.npy"]);
  assert.equal(noWeights.code, 2);
  assert.match(noWeights.stderr, /infer: --weights <dir> is required\nusage: npm run infer/);
  const unknown = await run("weights.ts", ["download", "resnet9000"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /download needs a known checkpoint name; known: seresnet50\.ra2_in1k, /);
  const noArch = await run("weights.ts", ["import", join(FIXTURES, "tiny_resnet_timm.safetensors")]);
  assert.equal(noArch.code, 2);
  assert.match(noArch.stderr, /import needs --arch NAME or --config config\.json; presets: resnet50, /);
  const wrongArch = await run("weights.ts", [
    "import",
    join(FIXTURES, "tiny_resnet_timm.safetensors"),
    "--arch",
    "se_resnet50",
  ]);
  assert.equal(wrongArch.code, 1);
  assert.match(
    wrongArch.stderr,
    /this checkpoint has no SE keys but architecture "se_resnet50" has SE blocks/,
  );
  const dir = await mkdtemp(join(tmpdir(), "cli-"));
  try {
    // Fashion-MNIST preprocessing is fixed (28×28 as is): resize options are refused, not ignored.
    const fashion = join(dir, "fashion.json");
    await writeFile(fashion, JSON.stringify(golden("tiny_se_basic_fashion").config));
    const fashionArgs = [
      "import",
      join(FIXTURES, "tiny_se_basic_fashion.pth"),
      ...["--config", fashion, "--out", join(dir, "f")],
    ];
    const cropped = await run("weights.ts", [...fashionArgs, "--crop-pct", "0.9"]);
    assert.equal(cropped.code, 2);
    assert.match(
      cropped.stderr,
      /weights: --crop-pct cannot be used with labels fashion-mnist: its 28×28 images are used as they are, without resizing or cropping\n/,
    );
    const both = await run("weights.ts", [
      ...fashionArgs,
      "--labels",
      "fashion-mnist",
      "--interpolation",
      "bicubic",
      "--crop-pct",
      "1",
    ]);
    assert.equal(both.code, 2);
    assert.match(
      both.stderr,
      /weights: --crop-pct and --interpolation cannot be used with labels fashion-mnist/,
    );
    assert.deepEqual(await readdir(dir), ["fashion.json"]);
    const { out } = await importFixture(dir, "tiny_seresnext_g4", "tiny_seresnext_g4.pth", [
      "--dtype",
      "float16",
    ]);
    const wrongShape = await run("infer.ts", [
      "--weights",
      out,
      "--tensor",
      join(FIXTURES, "tiny_se_basic_fashion.input.npy"),
    ]);
    assert.equal(wrongShape.code, 1);
    assert.match(
      wrongShape.stderr,
      /expected a normalised float32 array of shape \[N, 3, H, W\] \(NCHW, as PyTorch\), got \[2, 1, 28, 28\]/,
    );
    const missing = await run("infer.ts", ["--weights", join(dir, "nothing"), "--tensor", "x.npy"]);
    assert.match(
      missing.stderr,
      /no model\.json in .*nothing \(import weights first: npm run weights -- import/,
    );
  } finally {
    await rm(dir, { recursive: true });
  }
});
