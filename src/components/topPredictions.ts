// Top-k predictions as a small table with a probability bar per class; given the probabilities of another run
// (before an intervention), each row also shows how its class's probability changed.
import { table } from "./table.js";
import { percent } from "../lib/format.js";

export interface TopPredictionsOptions {
  names: (index: number) => string;
  caption: string;
  /** Probabilities of the run to compare with (same classes). */
  before?: ArrayLike<number>;
  k?: number;
}

export function topPredictions(
  probabilities: ArrayLike<number>,
  options: TopPredictionsOptions,
): HTMLTableElement {
  const { names, caption, before, k = 5 } = options;
  const rows = Array.from(probabilities, (p, index) => ({ index, p }))
    .sort((a, b) => b.p - a.p || a.index - b.index)
    .slice(0, k);
  const bar = (p: number) => {
    const span = document.createElement("span");
    span.className = "se-prob";
    const fill = document.createElement("span");
    fill.style.width = `${(100 * p).toFixed(1)}%`;
    span.append(fill);
    return span;
  };
  return table(rows, {
    caption,
    dataset: (r) => ({ class: String(r.index) }),
    columns: [
      { label: "class", value: (r) => names(r.index) },
      { label: "probability", numeric: true, value: (r) => percent(r.p) },
      { label: "probability as a bar", labelHidden: true, value: (r) => bar(r.p) },
      ...(before
        ? [
            {
              label: "change",
              numeric: true,
              value: (r: { index: number; p: number }) => {
                const d = 100 * (r.p - before[r.index]);
                return `${d >= 0 ? "+" : "−"}${Math.abs(d).toFixed(1)} pt`;
              },
            },
          ]
        : []),
    ],
  });
}
