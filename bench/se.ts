// Benchmark of one SE block at the four SE-ResNet-50 stage shapes (r = 16) in headless Chromium on WebGPU: the tfjs
// op chain vs the separate WGSL kernels vs the fused WGSL block, same device, same run. Writes
// bench/results/se-block.json with medians and ratios. Run: npm run bench:se [-- --runs 30 --warmup 5]
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, watchedPage } from "../tests/helpers/chromium.ts";
import { serve } from "../tests/helpers/server.ts";
import { bundlePage } from "../tests/helpers/bundle.ts";
import type { SeBenchPage, Samples, Variant } from "./se.page.ts";

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "30" }, warmup: { type: "string", default: "5" } },
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);
if (!(Number.isInteger(runs) && runs >= 1 && Number.isInteger(warmup) && warmup >= 0)) {
  throw new Error(`--runs must be a positive integer and --warmup a non-negative one`);
}

const STAGES = [
  { stage: "SE_2 (conv2_x)", shape: [1, 56, 56, 256] as [number, number, number, number] },
  { stage: "SE_3 (conv3_x)", shape: [1, 28, 28, 512] as [number, number, number, number] },
  { stage: "SE_4 (conv4_x)", shape: [1, 14, 14, 1024] as [number, number, number, number] },
  { stage: "SE_5 (conv5_x)", shape: [1, 7, 7, 2048] as [number, number, number, number] },
];
const R = 16;
const VARIANTS: Variant[] = ["tfjs", "separate", "fused"];
// Unquantised timestamp queries (Chromium rounds them to 100 µs otherwise).
const EXTRA_ARGS = ["--enable-webgpu-developer-features"];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function git(...argv: string[]): string {
  return execFileSync("git", argv, { encoding: "utf8" }).trim();
}

// SwiftShader runs on the host's CPU cores, which other work may share: recorded so the numbers can be judged.
const loadBefore = loadavg();
const OUT = ".test-out/bench-se";
await bundlePage("bench/se.page.ts", OUT);
const server = await serve(OUT);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...CHROMIUM_ARGS, ...EXTRA_ARGS],
});
try {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => "seBench" in window);
  const call = <K extends keyof SeBenchPage>(name: K, ...a: Parameters<SeBenchPage[K]>) =>
    page.evaluate(([name, a]) => (window as any).seBench[name](...a), [name, a] as const) as Promise<
      Awaited<ReturnType<SeBenchPage[K]>>
    >;
  const { adapter, timestamps } = await call("init");
  console.log(`adapter: ${JSON.stringify(adapter)}; timestamp-query: ${timestamps}`);
  const tensorsBefore = await call("numTensors");
  const results = [];
  for (const { stage, shape } of STAGES) {
    const started = Date.now();
    const samples: Samples = await call("measure", shape, R, warmup, runs);
    const medians = (ms: Record<string, number[]>) =>
      Object.fromEntries(VARIANTS.map((v) => [v, ms[v].length ? median(ms[v]) : null])) as Record<
        Variant,
        number | null
      >;
    const ratios = (m: Record<string, number | null>) => ({
      "tfjs/fused": m.tfjs !== null && m.fused !== null ? m.tfjs / m.fused : null,
      "tfjs/separate": m.tfjs !== null && m.separate !== null ? m.tfjs / m.separate : null,
    });
    const gpu = medians(samples.gpuMs);
    const wall = medians(samples.wallMs);
    results.push({
      stage,
      shape,
      r: R,
      gpuMedianMs: gpu,
      gpuRatios: ratios(gpu),
      wallMedianMs: wall,
      wallRatios: ratios(wall),
      samples,
    });
    console.log(
      `${stage} ${shape.join("×")}: gpu ${JSON.stringify(gpu)} ${JSON.stringify(ratios(gpu))}; ` +
        `wall ${JSON.stringify(wall)} ${JSON.stringify(ratios(wall))} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  if ((await call("numTensors")) !== tensorsBefore) throw new Error("the benchmark leaked tensors");
  if (problems.length) throw new Error(`page problems:\n${problems.join("\n")}`);
  const primary = timestamps ? "gpuRatios" : "wallRatios";
  const dirty =
    git("status", "--porcelain", "--", "src/lib/kernels", "bench/se.ts", "bench/se.page.ts") !== "";
  const report = {
    benchmark: "SE block: tfjs-webgpu op chain vs separate WGSL kernels vs fused WGSL (2 passes)",
    command: `npm run bench:se -- --runs ${runs} --warmup ${warmup}`,
    date: new Date().toISOString(),
    commit:
      git("rev-parse", "HEAD") + (dirty ? " (with uncommitted changes to the kernels or the benchmark)" : ""),
    browser: `Chromium ${browser.version()} (${CHROMIUM}, headless, flags: ${[...CHROMIUM_ARGS, ...EXTRA_ARGS].join(" ")})`,
    adapter,
    host: { cpus: cpus().length, loadAverage1mBefore: loadBefore[0], loadAverage1mAfter: loadavg()[0] },
    timing: {
      gpu: timestamps
        ? "median over runs of the summed GPU duration of every compute pass (timestamp queries; tfjs via tf.time kernelMs, WGSL via timeKernels)"
        : "unavailable: the adapter has no timestamp-query",
      wall: "median over runs of performance.now() from the first call to queue.onSubmittedWorkDone() after flushing tfjs's batched commands",
      warmup,
      runs,
      input: "syntheticSeData(shape, 16, seed 1): N(m_c, 1) feature map, N = 1",
    },
    target: "fused ≥ 2× faster than the tfjs chain at every stage shape",
    targetMetric: primary,
    targetMet: results.every((r) => (r[primary]["tfjs/fused"] ?? 0) >= 2),
    results,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/se-block.json", JSON.stringify(report, null, 2) + "\n");
  console.log(`target (${primary} tfjs/fused ≥ 2 at every shape) met: ${report.targetMet}`);
} finally {
  await browser.close();
  await server.close();
}
