// Figure 8 of the paper, redrawn from recorded data: one panel per SE block, the mean excitation of each sampled
// channel per class (Okabe–Ito colours) and over all classes (grey, dashed). An optional extra line shows one
// image's own excitations (the reader's drawing) in the text colour, thicker and with a dot per channel, so that no
// two series share a colour or tell apart by colour alone. Each panel is its own plot, so that its x axis spans its own
// block's channels (12 in one block, 44 in another); one legend above serves them all.
import * as Plot from "@observablehq/plot";
import type { ExcitationProfiles } from "../lib/excitationProfiles.js";
import { NEUTRAL, OKABE_ITO, READABLE_COLOURS } from "./palette.js";
import { accessible } from "./plotAccessibility.js";

/** Classes one figure can draw, each in a colour of its own. */
export const MAX_CLASSES = READABLE_COLOURS;

export interface ExcitationPanelsOptions {
  width: number;
  /** Class indices to draw (at most MAX_CLASSES, one colour each). */
  classes: number[];
  /** One image's excitations at the sampled channels, per block. */
  extra?: { label: string; values: Record<string, number[]> };
}

interface Point {
  channel: number;
  value: number;
  series: string;
}

const GAP = 16; // px between panels

export function excitationPanels(
  profiles: ExcitationProfiles,
  { width, classes, extra }: ExcitationPanelsOptions,
): HTMLElement {
  if (classes.length > MAX_CLASSES) throw new Error(`pick at most ${MAX_CLASSES} classes`);
  const columns = width >= 900 ? 3 : width >= 560 ? 2 : 1;
  const series = [...classes.map((k) => profiles.classes[k]), ...(extra ? [extra.label] : []), "all classes"];
  const range = [...OKABE_ITO.slice(0, classes.length), ...(extra ? ["currentColor"] : []), NEUTRAL];
  const color = { domain: series, range };
  const root = document.createElement("div");
  root.className = "se-excitation-panels";
  root.setAttribute("role", "figure");
  root.setAttribute("aria-label", "Mean excitation per sampled channel and class, one panel per SE block");
  root.append(accessible(Plot.legend({ color })));
  const grid = document.createElement("div");
  grid.style.display = "grid";
  grid.style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
  grid.style.gap = `${GAP}px`;
  const panelWidth = Math.floor((width - GAP * (columns - 1)) / columns);
  for (const block of profiles.blocks) {
    const lines: Point[] = [];
    const mine: Point[] = [];
    const means: Point[] = [];
    block.sampledChannels.forEach((channel, i) => {
      for (const k of classes)
        lines.push({ channel, value: block.classMeans[k][i], series: profiles.classes[k] });
      const values = extra?.values[block.name];
      if (values) mine.push({ channel, value: values[i], series: extra!.label });
      means.push({ channel, value: block.overallMean[i], series: "all classes" });
    });
    const panel = Plot.plot({
      width: panelWidth,
      height: 180,
      marginLeft: 36,
      marginTop: 24,
      ariaLabel: `${block.name}: mean excitation per channel and class`,
      x: { label: "channel", ticks: 5, tickFormat: "d" },
      y: { domain: [0, 1], label: "mean excitation", ticks: 4, grid: true },
      color,
      marks: [
        Plot.frame({ strokeOpacity: 0.2 }),
        Plot.line(lines, { x: "channel", y: "value", z: "series", stroke: "series", strokeWidth: 1.2 }),
        Plot.line(mine, { x: "channel", y: "value", stroke: "series", strokeWidth: 2, marker: "dot" }),
        Plot.line(means, {
          x: "channel",
          y: "value",
          stroke: "series",
          strokeWidth: 2,
          strokeDasharray: "4 2",
        }),
        Plot.text([block.name], {
          text: (d) => d,
          frameAnchor: "top-left",
          dx: 4,
          dy: 4,
          fontWeight: "bold",
        }),
      ],
    });
    grid.append(accessible(panel));
  }
  root.append(grid);
  return root;
}
