import { test } from "node:test";
import assert from "node:assert/strict";
import { PAPER_PAIR } from "../../src/lib/benchmark.js";
import {
  bestCpu,
  comparisons,
  cpuVerdict,
  matched,
  maxAbsDiff,
  seOverPlain,
  timing,
  type PeerLibrary,
  type PeerReport,
  type PeerRuntime,
} from "../../src/lib/peer.js";

const cold = { fetchMs: 5, createMs: 100, firstMs: 40 };

/** A runtime whose SE-ResNet-50 and ResNet-50 rounds took `se` and `plain` ms. */
function runtime(
  id: string,
  library: PeerLibrary,
  backend: string,
  threads: number | null,
  se: number[],
  plain: number[],
): PeerRuntime {
  const timings = [timing(PAPER_PAIR.se, cold, se), timing(PAPER_PAIR.plain, cold, plain)];
  return {
    id,
    library,
    backend,
    threads,
    crossOriginIsolated: threads !== 1,
    device: "test",
    software: false,
    warmup: 0,
    runs: se.length,
    timings,
    seOverPlain: seOverPlain(timings),
    maxAbsDiffVsPytorch: {},
  };
}

function report(runtimes: PeerRuntime[]): PeerReport {
  return {
    date: "2025-01-01",
    commit: "abc",
    browser: "test",
    host: { cpus: 2, cpuModel: "test", loadAverage1mBefore: 0, loadAverage1mAfter: 0 },
    versions: {},
    runtimes,
    comparisons: comparisons(runtimes),
    oursVsOrtMaxAbsDiff: {},
  };
}

test("maxAbsDiff is the largest elementwise gap, lets no NaN through and refuses unequal lengths", () => {
  assert.equal(maxAbsDiff([1, 2, 3], [1, 2.5, 2]), 1);
  assert.equal(maxAbsDiff(new Float32Array([0.5]), [0.5]), 0);
  assert.ok(Number.isNaN(maxAbsDiff([1, NaN], [1, 2])));
  assert.throws(() => maxAbsDiff([1, 2], [1]), /cannot compare 2 logits with 1/);
});

test("timing adds the cold start and takes the median of the rounds", () => {
  const t = timing("m", cold, [30, 10, 20]);
  assert.equal(t.coldMs, 140);
  assert.equal(t.medianMs, 20);
});

test("SE/no-SE and ours/ORT are paired per round, and only ours is divided by ORT", () => {
  const ours = runtime("ours-wasm", "ours", "wasm", 1, [110, 220, 330], [100, 200, 300]);
  const ort = runtime("ort-wasm", "onnxruntime-web", "wasm", 1, [100, 100, 100], [100, 100, 100]);
  assert.ok(Math.abs(ours.seOverPlain.paired - 1.1) < 1e-12);
  const cs = comparisons([ours, ort]);
  assert.deepEqual(
    cs.map((c) => [c.ours, c.peer, c.model]),
    [
      ["ours-wasm", "ort-wasm", PAPER_PAIR.se],
      ["ours-wasm", "ort-wasm", PAPER_PAIR.plain],
    ],
  );
  assert.ok(Math.abs(cs[0].oursOverPeer.paired - 2.2) < 1e-12);
  assert.ok(Math.abs(cs[0].oursOverPeer.pairedQ1 - 1.65) < 1e-12);
});

test("the verdict compares the fastest CPU runtime of each library, with the median's interval deciding", () => {
  const rounds = (x: number, n: number) => Array<number>(n).fill(x);
  const make = (oursThreaded: number[]) => {
    const n = oursThreaded.length;
    return report([
      runtime("ours-wasm", "ours", "wasm", 1, rounds(300, n), rounds(290, n)),
      runtime("ort-wasm", "onnxruntime-web", "wasm", 1, rounds(280, n), rounds(280, n)),
      runtime("ours-wasm-threads", "ours", "wasm", 2, oursThreaded, rounds(150, n)),
      runtime("ort-wasm-threads", "onnxruntime-web", "wasm", 2, rounds(200, n), rounds(200, n)),
      runtime("ort-webgpu", "onnxruntime-web", "webgpu", null, rounds(50, n), rounds(50, n)),
    ]);
  };
  const faster = make([160, 170, 180, 165, 175, 172]);
  assert.equal(bestCpu(faster, "ours").id, "ours-wasm-threads");
  assert.equal(bestCpu(faster, "onnxruntime-web").id, "ort-wasm-threads"); // webgpu is not a CPU path
  const v = cpuVerdict(faster);
  assert.equal(v.verdict, "faster");
  assert.equal(v.oursMs, 171);
  assert.equal(v.peerMs, 200);
  assert.equal(cpuVerdict(make([260, 270, 250, 255, 265, 240])).verdict, "slower");
  assert.equal(cpuVerdict(make([150, 210, 260, 190, 230, 170])).verdict, "on par");
  // three rounds all faster still cannot give a 95 % interval: the whole range of 3 covers the median 75 % of the time
  assert.equal(cpuVerdict(make([160, 170, 180])).verdict, "unresolved");
});

test("matched pairs ours with the ORT runtime on the same backend and thread count", () => {
  const r = report([
    runtime("ours-wasm", "ours", "wasm", 1, [1], [1]),
    runtime("ort-wasm", "onnxruntime-web", "wasm", 1, [1], [1]),
    runtime("ort-wasm-threads", "onnxruntime-web", "wasm", 2, [1], [1]),
  ]);
  assert.equal(matched(r, r.runtimes[0])?.peer, "ort-wasm");
  assert.equal(matched(r, r.runtimes[0], PAPER_PAIR.plain)?.model, PAPER_PAIR.plain);
  const alone = report([runtime("ours-wasm-threads", "ours", "wasm", 2, [1], [1])]);
  assert.equal(matched(alone, alone.runtimes[0]), undefined);
  assert.throws(() => bestCpu(alone, "onnxruntime-web"), /no onnxruntime-web wasm runtime/);
});
