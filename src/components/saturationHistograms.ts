// The saturation view: one small histogram of s per SE block, on [0, 1], with the bins below 0.1 and above 0.9
// drawn in the Okabe–Ito vermillion and blue (distinct with colour-vision deficiencies) and their shares written
// out. A saturated block, like the paper's SE_5_2, piles up at both ends. Deterministic SVG.
import * as d3 from "d3";
import type { ExcitationHistogram } from "../lib/excitationHistogram.js";
import { NEUTRAL, OKABE_ITO } from "./palette.js";

export function saturationHistograms(
  blocks: { name: string; histogram: ExcitationHistogram }[],
  { width, label }: { width: number; label: string },
): SVGSVGElement {
  const panel = { width: 150, height: 100 };
  const columns = Math.max(1, Math.floor(width / (panel.width + 12)));
  const rows = Math.ceil(blocks.length / columns);
  const svg = d3
    .create("svg")
    .attr("width", columns * (panel.width + 12))
    .attr("height", rows * (panel.height + 34))
    .attr("role", "img")
    .attr("aria-label", label)
    .attr("class", "se-saturation");
  const [low, high, mid] = [OKABE_ITO[4], OKABE_ITO[3], NEUTRAL]; // vermillion, blue, grey
  blocks.forEach(({ name, histogram }, i) => {
    const { counts, nearZero, nearOne } = histogram;
    const bins = counts.length;
    const x = d3
      .scaleLinear()
      .domain([0, 1])
      .range([4, panel.width - 4]);
    const y = d3
      .scaleLinear()
      .domain([0, d3.max(counts) || 1])
      .range([panel.height - 16, 30]);
    const g = svg
      .append("g")
      .attr("data-block", name)
      .attr(
        "transform",
        `translate(${(i % columns) * (panel.width + 12)},${Math.floor(i / columns) * (panel.height + 34)})`,
      );
    g.append("text").attr("x", 4).attr("y", 10).attr("font-size", 11).attr("fill", "currentColor").text(name);
    g.append("text")
      .attr("x", 4)
      .attr("y", 23)
      .attr("font-size", 10)
      .attr("fill", "currentColor")
      .text(`< 0.1: ${Math.round(nearZero * 100)} %   > 0.9: ${Math.round(nearOne * 100)} %`);
    g.selectAll("rect")
      .data(counts)
      .join("rect")
      .attr("x", (_, b) => x(b / bins) + 0.5)
      .attr("width", Math.max(1, x(1 / bins) - x(0) - 1))
      .attr("y", (n) => y(n))
      .attr("height", (n) => y(0) - y(n))
      .attr("fill", (_, b) => ((b + 1) / bins <= 0.1 ? low : b / bins >= 0.9 ? high : mid))
      .append("title")
      .text(
        (n, b) =>
          `${n} channel${n === 1 ? "" : "s"} with s in [${(b / bins).toFixed(2)}, ${((b + 1) / bins).toFixed(2)})`,
      );
    g.append("line")
      .attr("x1", x(0))
      .attr("x2", x(1))
      .attr("y1", y(0))
      .attr("y2", y(0))
      .attr("stroke", "currentColor");
    for (const t of [0, 0.5, 1])
      g.append("text")
        .attr("x", x(t))
        .attr("y", panel.height - 2)
        .attr("font-size", 10)
        .attr("text-anchor", t === 0 ? "start" : t === 1 ? "end" : "middle")
        .attr("fill", "currentColor")
        .text(t === 0 ? "s = 0" : String(t));
  });
  return svg.node()!;
}
