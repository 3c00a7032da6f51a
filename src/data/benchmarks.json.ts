// Data loader: the recorded benchmark results (bench/results/*.json, each with its command, date, commit, host and
// browser) for the Benchmarks chapter. A result that has not been recorded yet is null, and the page says so.
// Paired ratios are recomputed from each record's per-round samples with the current statistics, so a record made
// before a statistic existed (the median's confidence interval) shows it too; the samples are the measurement.
import { existsSync, readFileSync } from "node:fs";
import { netRatios, ratio, SE_OVERHEAD_RECORDS, type NetTiming } from "../lib/benchmark.js";
import { seOverPlain, type PeerReport } from "../lib/peer.js";

const read = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

interface NetEnvironment {
  timings: NetTiming[];
}

const withRatios = <E extends NetEnvironment>(e: E) => ({ ...e, ratios: netRatios(e.timings) });

/** bench:net records (`environments`) and the bench suite (`results`), ratios recomputed. */
function netRecord(file: string) {
  const r = read(file);
  if (!r) return null;
  return r.environments
    ? { ...r, environments: r.environments.map(withRatios) }
    : { ...r, results: r.results.map(withRatios) };
}

function peerRecord(r: PeerReport | null) {
  if (!r) return null;
  const runtime = (id: string) => r.runtimes.find((x) => x.id === id)!;
  const timing = (id: string, model: string) => runtime(id).timings.find((t) => t.model === model)!;
  return {
    ...r,
    runtimes: r.runtimes.map((x) => ({ ...x, seOverPlain: seOverPlain(x.timings) })),
    comparisons: r.comparisons.map((c) => ({
      ...c,
      oursOverPeer: ratio(timing(c.ours, c.model), timing(c.peer, c.model)),
    })),
  };
}

interface FoldRecord {
  environments: { stages: { samplesMs: unknown }[] }[];
}

/** The chapter shows bench:fold's medians; the per-round samples (most of the file) stay in the record. */
function withoutSamples(record: FoldRecord | null) {
  return (
    record && {
      ...record,
      environments: record.environments.map((e) => ({
        ...e,
        stages: e.stages.map(({ samplesMs: _, ...stage }) => stage),
      })),
    }
  );
}

process.stdout.write(
  JSON.stringify({
    suite: netRecord("bench/results/suite.json"),
    // bench:net on this project's shared 2-core host, and the same code on a quiet 16-core machine (runner says how)
    net: [netRecord("bench/results/net.json"), netRecord("bench/results/net-quiet-host.json")].filter(Boolean),
    // SE's overhead on the shipped path, pinned down by many rounds, where recorded
    overhead: SE_OVERHEAD_RECORDS.map(netRecord).filter(Boolean),
    formats: read("bench/results/weight-formats.json"),
    seBlock: read("bench/results/se-block.json"),
    // bench:fold: one block end per stage with SE on U and SE folded through conv3
    fold: withoutSamples(read("bench/results/fold.json")),
    // bench:onnx: ours against onnxruntime-web on the same weights and input
    peer: peerRecord(read("bench/results/onnx-peer.json")),
    // bench/gpuProfile.ts on the device machine's GPU (bench/dawn.sh profile): where SE's time goes there
    gpuProfile: read("bench/results/gpu-profile.json"),
    // tools/bench/gpu_overhead.py on a CUDA GPU (PyTorch eager, then torch.compile)
    gpu: [read("bench/results/gpu-overhead.json"), read("bench/results/gpu-overhead-compiled.json")].filter(Boolean),
  }),
);
