// Per SE block: how far apart the classes' mean excitations are (the class spread), one bar per block coloured by
// stage, so the paper's observations on class-specificity can be checked by eye.
import * as Plot from "@observablehq/plot";
import type { BlockProfile } from "../lib/excitationProfiles.js";
import { parseStage } from "../lib/interventions.js";
import { OKABE_ITO, READABLE_COLOURS } from "./palette.js";
import { accessible } from "./plotAccessibility.js";

export function specificityChart(
  blocks: readonly BlockProfile[],
  { width }: { width: number },
): HTMLElement | SVGSVGElement {
  const stageOf = (b: BlockProfile) => parseStage(b.name) ?? "";
  const stages = [...new Set(blocks.map(stageOf))];
  return accessible(
    Plot.plot({
      width,
      height: 260,
      marginBottom: 40,
      ariaLabel: "Class spread of each SE block",
      x: { domain: blocks.map((b) => b.name), label: null, tickRotate: blocks.length > 8 ? -45 : 0 },
      y: { label: "↑ class spread (excitation)", grid: true, nice: true },
      color: {
        domain: stages,
        range: OKABE_ITO.slice(0, READABLE_COLOURS),
        legend: stages.length > 1,
        tickFormat: (s) => `stage ${s}`,
      },
      marks: [
        Plot.barY(blocks, {
          x: "name",
          y: "classSpread",
          fill: stageOf,
          title: (b: BlockProfile) => `${b.name}: class spread ${b.classSpread.toFixed(3)}`,
        }),
        Plot.ruleY([0]),
      ],
    }),
  );
}
