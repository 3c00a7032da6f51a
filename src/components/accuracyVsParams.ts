// The reduction-ratio study as a chart: test accuracy (mean ± std over seeds, and each seed) against the SE
// parameters a variant adds, one colour per variant from the Okabe–Ito palette (safe for colour-vision
// deficiencies); the selected r is ringed. The page says what the marks are (`ACCURACY_MARKS`).
import * as Plot from "@observablehq/plot";
import type { StudyRow } from "../lib/reductionStudy.js";
import { OKABE_ITO } from "./palette.js";
import { accessible } from "./plotAccessibility.js";

/** What the chart's marks show, for a caption beside it. */
export const ACCURACY_MARKS =
  "Open circles: mean over seeds (a larger ring in the text colour marks the highlighted r). Whiskers: ± one sample standard deviation. Small dots: the seeds. The table below has the same numbers.";

const variant = (r: number | null) => (r === null ? "no SE" : `r = ${r}`);

export function accuracyVsParams(
  rows: readonly StudyRow[],
  { width, selected }: { width: number; selected: number | null },
): HTMLElement | SVGSVGElement {
  const seeds = rows.flatMap((row) =>
    row.accuracies.map((accuracy, i) => ({
      variant: variant(row.r),
      seParams: row.seParams,
      accuracy,
      seed: row.seeds[i],
    })),
  );
  const summary = rows.map((row) => ({
    variant: variant(row.r),
    seParams: row.seParams,
    mean: row.accuracyMean,
    low: row.accuracyMean - row.accuracyStd,
    high: row.accuracyMean + row.accuracyStd,
    top: Math.max(row.accuracyMean + row.accuracyStd, ...row.accuracies), // where the label goes
    selected: row.r !== null && row.r === selected,
  }));
  return accessible(
    Plot.plot({
      width,
      height: 340,
      marginLeft: 56,
      marginTop: 40, // the axis label, clear of the labels above the highest whisker
      marginRight: 24,
      insetTop: 24,
      insetLeft: 16,
      insetRight: 16,
      ariaLabel: "Test accuracy against SE parameters, per reduction ratio",
      x: { label: "SE parameters added", grid: true },
      y: { label: "test accuracy (%)", grid: true, tickFormat: (v: number) => (100 * v).toFixed(1) },
      color: { domain: summary.map((s) => s.variant), range: OKABE_ITO, legend: true },
      marks: [
        Plot.ruleX(summary, { x: "seParams", y1: "low", y2: "high", stroke: "variant", strokeWidth: 2 }),
        Plot.dot(seeds, { x: "seParams", y: "accuracy", fill: "variant", r: 2.5, fillOpacity: 0.6 }),
        Plot.dot(summary, { x: "seParams", y: "mean", stroke: "variant", r: 6, strokeWidth: 2 }),
        Plot.dot(
          summary.filter((s) => s.selected),
          { x: "seParams", y: "mean", r: 11, stroke: "currentColor", strokeWidth: 1.5 },
        ),
        Plot.text(summary, { x: "seParams", y: "top", text: "variant", dy: -12, fontSize: 11 }),
      ],
    }),
  );
}
