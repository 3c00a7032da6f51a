// Per SE block: how class-specific its excitations are (η², share of variance explained by the class) and how
// saturated (share of values below 0.1 or above 0.9), so the paper's three observations can be checked.
import * as Plot from "@observablehq/plot";
import type { BlockProfile } from "../lib/excitationProfiles.js";

export function specificityChart(
  blocks: readonly BlockProfile[],
  { width }: { width: number },
): HTMLElement | SVGSVGElement {
  const rows = blocks.flatMap((b) => [
    { block: b.name, measure: "class-specificity η²", value: b.classSpecificity },
    { block: b.name, measure: "share < 0.1", value: b.nearZero },
    { block: b.name, measure: "share > 0.9", value: b.nearOne },
  ]);
  return Plot.plot({
    width,
    height: 240,
    marginBottom: 40,
    ariaLabel: "Class-specificity and saturation of each SE block",
    fx: { domain: blocks.map((b) => b.name), label: null, tickRotate: blocks.length > 8 ? -45 : 0 },
    x: { axis: null, domain: ["class-specificity η²", "share < 0.1", "share > 0.9"] },
    y: { domain: [0, 1], label: "fraction", grid: true },
    color: {
      domain: ["class-specificity η²", "share < 0.1", "share > 0.9"],
      range: ["#0072B2", "#E69F00", "#009E73"],
      legend: true,
    },
    marks: [
      Plot.barY(rows, {
        fx: "block",
        x: "measure",
        y: "value",
        fill: "measure",
        title: (d) => `${d.block}, ${d.measure}: ${d.value.toFixed(3)}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}
