// The backend self-test results as an accessible table (one row per backend).
import type { BackendCheck } from "../lib/backendCheck.js";
import { table } from "./table.js";

const num = (value: number, format: (v: number) => string) => (Number.isNaN(value) ? "–" : format(value));

export function backendTable(checks: BackendCheck[], { active }: { active: string }): HTMLTableElement {
  return table(checks, {
    caption:
      "Each backend runs a seeded 3×3 convolution (compared with the cpu backend) and 4096 samples of tf.randomNormal.",
    dataset: (c) => ({ backend: c.backend, ok: String(c.ok) }),
    columns: [
      { label: "backend", value: (c) => c.backend + (c.backend === active ? " (active)" : "") },
      {
        label: "status",
        value: (c) => (c.ok ? "works" : `fails: ${c.error ?? "results out of tolerance"}`),
        className: (c) => (c.ok ? "se-ok" : "se-fail"),
      },
      {
        label: "max |conv − cpu|",
        numeric: true,
        value: (c) => num(c.convMaxAbsDiff, (v) => v.toExponential(1)),
      },
      { label: "normal mean", numeric: true, value: (c) => num(c.randomNormalMean, (v) => v.toFixed(3)) },
      { label: "normal std", numeric: true, value: (c) => num(c.randomNormalStd, (v) => v.toFixed(3)) },
      { label: "conv + read-back (ms)", numeric: true, value: (c) => num(c.convMs, (v) => v.toFixed(1)) },
    ],
  });
}
