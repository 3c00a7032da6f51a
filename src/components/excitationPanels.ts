// Figure 8 of the paper, redrawn from recorded data: one panel per SE block, the mean excitation of each sampled
// channel per class (Okabe–Ito colours) and over all classes (dark, dashed). An optional extra line shows one
// image's own excitations (the reader's drawing).
import * as Plot from "@observablehq/plot";
import type { ExcitationProfiles } from "../lib/excitationProfiles.js";
import { OKABE_ITO } from "./accuracyVsParams.js";

export interface ExcitationPanelsOptions {
  width: number;
  /** Class indices to draw (at most 8, one colour each). */
  classes: number[];
  /** One image's excitations at the sampled channels, per block. */
  extra?: { label: string; values: Record<string, number[]> };
}

interface Point {
  block: string;
  col: number;
  row: number;
  channel: number;
  value: number;
  series: string;
}

export function excitationPanels(
  profiles: ExcitationProfiles,
  { width, classes, extra }: ExcitationPanelsOptions,
): HTMLElement | SVGSVGElement {
  if (classes.length > OKABE_ITO.length) throw new Error(`pick at most ${OKABE_ITO.length} classes`);
  const columns = width >= 900 ? 3 : width >= 560 ? 2 : 1;
  const panel = (i: number) => ({ col: i % columns, row: Math.floor(i / columns) });
  const lines: Point[] = [];
  const means: Point[] = [];
  profiles.blocks.forEach((block, i) => {
    const at = { block: block.name, ...panel(i) };
    block.sampledChannels.forEach((_, channel) => {
      for (const k of classes)
        lines.push({ ...at, channel, value: block.classMeans[k][channel], series: profiles.classes[k] });
      const mine = extra?.values[block.name];
      if (mine) lines.push({ ...at, channel, value: mine[channel], series: extra!.label });
      means.push({ ...at, channel, value: block.overallMean[channel], series: "all classes" });
    });
  });
  const titles = profiles.blocks.map((b, i) => ({ ...panel(i), name: b.name }));
  const series = [...classes.map((k) => profiles.classes[k]), ...(extra ? [extra.label] : []), "all classes"];
  const range = [...OKABE_ITO.slice(0, classes.length), ...(extra ? ["#CC79A7"] : []), "currentColor"];
  return Plot.plot({
    width,
    height: Math.ceil(profiles.blocks.length / columns) * 160 + 50,
    marginLeft: 40,
    marginTop: 20,
    ariaLabel: "Mean excitation per sampled channel and class, one panel per SE block",
    fx: { axis: null },
    fy: { axis: null },
    x: { label: "sampled channel", ticks: 5 },
    y: { domain: [0, 1], label: "mean excitation", ticks: 4, grid: true },
    color: { domain: series, range, legend: true },
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.line(lines, {
        fx: "col",
        fy: "row",
        x: "channel",
        y: "value",
        z: "series",
        stroke: "series",
        strokeWidth: 1.2,
      }),
      Plot.line(means, {
        fx: "col",
        fy: "row",
        x: "channel",
        y: "value",
        stroke: "series",
        strokeWidth: 2,
        strokeDasharray: "4 2",
      }),
      Plot.text(titles, {
        fx: "col",
        fy: "row",
        text: "name",
        frameAnchor: "top-left",
        dx: 4,
        dy: 4,
        fontWeight: "bold",
      }),
    ],
  });
}
