// The onnxruntime-web peer benchmark (bench/onnx.ts → bench/results/onnx-peer.json): its record's shape, the parity
// and comparison arithmetic the benchmark applies, and the verdict the Benchmarks chapter states from the record
// (issue 7's target: our best CPU path no slower than onnxruntime-web's wasm on the same machine).
import { PAPER_PAIR, ratio, type Ratio } from "./benchmark.js";
import { median } from "./stats.js";

export type PeerLibrary = "ours" | "onnxruntime-web";

/** Logits this far apart (fp32, O(1) logits) still count as the same network on the same weights. */
export const PARITY_TOLERANCE = 1e-3;

export interface PeerTiming {
  model: string;
  fetchMs: number;
  /** ORT: InferenceSession.create; ours: import + upload + load(). */
  createMs: number;
  firstMs: number;
  /** Cold start: createMs + firstMs (the file already fetched). */
  coldMs: number;
  samplesMs: number[];
  medianMs: number;
}

export interface PeerRuntime {
  id: string;
  library: PeerLibrary;
  backend: string;
  threads: number | null;
  crossOriginIsolated: boolean;
  device: string;
  software: boolean;
  warmup: number;
  runs: number;
  timings: PeerTiming[];
  /** SE-ResNet-50 over ResNet-50, paired per round. */
  seOverPlain: Ratio;
  /** Per model: max |Δlogit| against the PyTorch reference. */
  maxAbsDiffVsPytorch: Record<string, number>;
}

/** Our time over the peer's for one model; both ran in the same rounds. */
export interface PeerComparison {
  ours: string;
  peer: string;
  model: string;
  oursOverPeer: Ratio;
}

export interface PeerReport {
  date: string;
  commit: string;
  browser: string;
  host: { cpus: number; cpuModel: string; loadAverage1mBefore: number; loadAverage1mAfter: number };
  versions: Record<string, string>;
  runtimes: PeerRuntime[];
  comparisons: PeerComparison[];
  /** Per model: the largest max |Δlogit| between any of our runtimes and any ORT runtime. */
  oursVsOrtMaxAbsDiff: Record<string, number>;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cannot compare ${a.length} logits with ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= worst)) worst = d; // NaN wins, so a broken runtime cannot pass parity
  }
  return worst;
}

export function timing(
  model: string,
  cold: Omit<PeerTiming, "model" | "coldMs" | "samplesMs" | "medianMs">,
  samplesMs: number[],
): PeerTiming {
  return { model, ...cold, coldMs: cold.createMs + cold.firstMs, samplesMs, medianMs: median(samplesMs) };
}

function timingOf(r: PeerRuntime, model: string): PeerTiming {
  const t = r.timings.find((t) => t.model === model);
  if (!t) throw new Error(`runtime ${r.id} has no timing for ${model}`);
  return t;
}

/** SE over no-SE for one runtime. */
export function seOverPlain(timings: PeerTiming[]): Ratio {
  const find = (model: string) => {
    const t = timings.find((t) => t.model === model);
    if (!t) throw new Error(`no timing for ${model}`);
    return t;
  };
  return ratio(find(PAPER_PAIR.se), find(PAPER_PAIR.plain));
}

/** Ours over ORT for every pair of runtimes that ran in the same rounds (same group), per model. */
export function comparisons(group: PeerRuntime[]): PeerComparison[] {
  const out: PeerComparison[] = [];
  for (const o of group.filter((r) => r.library === "ours"))
    for (const p of group.filter((r) => r.library === "onnxruntime-web"))
      for (const t of o.timings)
        out.push({ ours: o.id, peer: p.id, model: t.model, oursOverPeer: ratio(t, timingOf(p, t.model)) });
  return out;
}

/** The fastest CPU (wasm) runtime of a library on SE-ResNet-50. */
export function bestCpu(report: PeerReport, library: PeerLibrary): PeerRuntime {
  const cpu = report.runtimes.filter((r) => r.library === library && r.backend === "wasm");
  if (!cpu.length) throw new Error(`the record has no ${library} wasm runtime`);
  return cpu.reduce((a, b) =>
    timingOf(b, PAPER_PAIR.se).medianMs < timingOf(a, PAPER_PAIR.se).medianMs ? b : a,
  );
}

export interface CpuVerdict {
  ours: PeerRuntime;
  peer: PeerRuntime;
  oursMs: number;
  peerMs: number;
  oursOverPeer: Ratio;
  /**
   * "faster" / "slower" when the 95 % interval of the median per-round ratio lies on one side of 1, "on par" when it
   * contains 1, "unresolved" when the record has too few rounds for an interval.
   */
  verdict: "faster" | "slower" | "on par" | "unresolved";
}

/** Our best CPU path against ORT's best wasm runtime on SE-ResNet-50, from the record's same-round comparison. */
export function cpuVerdict(report: PeerReport): CpuVerdict {
  const ours = bestCpu(report, "ours");
  const peer = bestCpu(report, "onnxruntime-web");
  const c = report.comparisons.find(
    (c) => c.ours === ours.id && c.peer === peer.id && c.model === PAPER_PAIR.se,
  );
  if (!c) throw new Error(`the record does not compare ${ours.id} with ${peer.id} on ${PAPER_PAIR.se}`);
  const r = c.oursOverPeer;
  return {
    ours,
    peer,
    oursMs: timingOf(ours, PAPER_PAIR.se).medianMs,
    peerMs: timingOf(peer, PAPER_PAIR.se).medianMs,
    oursOverPeer: r,
    verdict:
      r.pairedLow === null || r.pairedHigh === null
        ? "unresolved"
        : r.pairedLow > 1
          ? "slower"
          : r.pairedHigh < 1
            ? "faster"
            : "on par",
  };
}

/** The comparison of `ours` with the ORT runtime on the same backend and thread count (the like-for-like pair). */
export function matched(
  report: PeerReport,
  ours: PeerRuntime,
  model: string = PAPER_PAIR.se,
): PeerComparison | undefined {
  return report.comparisons.find((c) => {
    const peer = report.runtimes.find((r) => r.id === c.peer);
    return (
      c.ours === ours.id &&
      c.model === model &&
      peer?.backend === ours.backend &&
      peer.threads === ours.threads
    );
  });
}
