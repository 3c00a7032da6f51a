// Data loader: the recorded benchmark results (bench/results/*.json, each with its command, date, commit, host and
// browser) for the Benchmarks chapter. A result that has not been recorded yet is null, and the page says so.
import { existsSync, readFileSync } from "node:fs";

const read = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

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
    suite: read("bench/results/suite.json"),
    // bench:net on this project's shared 2-core host, and the same code on a quiet 16-core machine (runner says how)
    net: [read("bench/results/net.json"), read("bench/results/net-quiet-host.json")].filter(Boolean),
    formats: read("bench/results/weight-formats.json"),
    seBlock: read("bench/results/se-block.json"),
    // bench:fold: one block end per stage with SE on U and SE folded through conv3
    fold: withoutSamples(read("bench/results/fold.json")),
    // bench:onnx: ours against onnxruntime-web on the same weights and input
    peer: read("bench/results/onnx-peer.json"),
    // tools/bench/gpu_overhead.py on a CUDA GPU (PyTorch eager, then torch.compile)
    gpu: [read("bench/results/gpu-overhead.json"), read("bench/results/gpu-overhead-compiled.json")].filter(Boolean),
  }),
);
