// The Benchmarks chapter's "run on this machine" panel: a button that runs the short suite (src/lib/benchmark.ts,
// the code `npm run bench` runs) on the reader's active backend, a progress bar, and the reader's numbers beside the
// recorded ones for the same backend and the paper's overhead ratios.
import {
  medianMs,
  PAPER_PAIR,
  PAPER_TIMINGS,
  readerSuite,
  type NetTiming,
  type ReaderSuite,
} from "../lib/benchmark.js";
import { milliseconds, times } from "../lib/format.js";
import { table } from "./table.js";

/** One recorded backend of bench/results/suite.json (the fields this panel shows). */
export interface RecordedResult {
  runtime: string;
  backend: string;
  device: string;
  peak: { gflops: number };
  floor: { ms: number };
  cold: { totalMs: number };
  timings: NetTiming[];
  ratios: Record<string, { paired: number }>;
}

interface Row {
  measure: string;
  yours: string;
  recorded: string;
}

function rows(yours: ReaderSuite, recorded: RecordedResult | undefined): Row[] {
  const r = recorded;
  const first = yours.timings[0];
  // A measure read the same way from the reader's run and the recorded one.
  const both = (
    measure: string,
    read: (m: Pick<RecordedResult, "peak" | "timings" | "ratios">) => string,
  ): Row => ({
    measure,
    yours: read(yours),
    recorded: r ? read(r) : "—",
  });
  return [
    { measure: "device", yours: yours.backend, recorded: r ? `${r.backend} (${r.device})` : "—" },
    both("peak matMul rate", (m) => `${m.peak.gflops.toFixed(1)} GFLOP/s`),
    both("ResNet-50, our path", (m) => milliseconds(medianMs(m.timings, PAPER_PAIR.plain, "auto"))),
    both("SE-ResNet-50, our path", (m) => milliseconds(medianMs(m.timings, PAPER_PAIR.se, "auto"))),
    both("SE / no-SE, our path", (m) => times(m.ratios["SE/no-SE (auto)"]?.paired)),
    both("SE-ResNet-50, stock tfjs chain", (m) => milliseconds(medianMs(m.timings, PAPER_PAIR.se, "ops"))),
    both("SE / no-SE, stock chain", (m) => times(m.ratios["SE/no-SE (ops)"]?.paired)),
    both("SE-ResNet-50: stock chain / our path", (m) =>
      times(m.ratios[`ops/auto (${PAPER_PAIR.se})`]?.paired),
    ),
    {
      measure: "SE-ResNet-50 cold (load + first prediction)",
      yours: milliseconds(first.loadMs + first.firstMs),
      recorded: milliseconds(r?.cold.totalMs),
    },
    {
      measure: "floor (FLOPs ÷ peak rate)",
      yours: milliseconds(yours.floorMs),
      recorded: milliseconds(r?.floor.ms),
    },
    ...Object.values(PAPER_TIMINGS).map((p) => ({
      measure: `the paper: SE / no-SE, ${p.what} (${p.seMs} / ${p.plainMs} ms)`,
      yours: "",
      recorded: times(p.seMs / p.plainMs),
    })),
  ];
}

/** The panel; `recorded` holds bench/results/suite.json's results, matched to the reader's backend by name. */
export function benchmarkRunner({
  recorded,
  recordedLabel,
  suite = {},
}: {
  recorded: RecordedResult[];
  recordedLabel: string;
  /** Overrides of the short suite (smaller inputs, fewer runs). */
  suite?: Omit<Parameters<typeof readerSuite>[0], "onProgress">;
}): HTMLElement {
  const root = document.createElement("div");
  root.className = "se-benchmark-runner";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Run on this machine";
  const progress = document.createElement("progress");
  progress.hidden = true;
  const status = document.createElement("span");
  status.setAttribute("role", "status");
  const output = document.createElement("div");
  root.append(button, " ", progress, " ", status, output);
  button.addEventListener("click", async () => {
    button.disabled = true;
    progress.hidden = false;
    root.dataset.state = "running";
    output.replaceChildren();
    try {
      const yours = await readerSuite({
        ...suite,
        onProgress: (done, total, what) => {
          progress.max = total;
          progress.value = done;
          status.textContent = `${done}/${total}: ${what}`;
        },
      });
      // The threaded wasm build is what runs when a page is cross-origin isolated.
      const runtime = yours.backend === "wasm" && self.crossOriginIsolated ? "wasm-threads" : yours.backend;
      const match = recorded.find((r) => r.runtime === runtime);
      status.textContent = "done";
      output.append(
        table(rows(yours, match), {
          caption: `Your browser, just now, next to ${match ? recordedLabel : "no recorded run on this backend"}. Medians of ${yours.timings[0].samplesMs.length} runs after warm-up at ${yours.size}×${yours.size}; ratios are medians of per-round ratios.`,
          columns: [
            { label: "measure", value: (row) => row.measure },
            { label: "this machine", value: (row) => row.yours, numeric: true },
            { label: "recorded", value: (row) => row.recorded, numeric: true },
          ],
        }),
      );
      root.dataset.state = "done";
    } catch (error) {
      status.textContent = `The benchmark failed: ${error instanceof Error ? error.message : String(error)}`;
      root.dataset.state = "failed";
    } finally {
      progress.hidden = true;
      button.disabled = false;
    }
  });
  return root;
}
