// A weight matrix (W1 or W2 of an excitation) as a heatmap with a diverging colour scale centred on 0. The axis
// that indexes feature-map channels carries data-channel so a hovered channel lights up its row or column.
import * as d3 from "d3";

export interface MatrixHeatmapOptions {
  width: number;
  /** [rows, cols] of the row-major `values`. */
  shape: [number, number];
  /** Which axis indexes the block's channels: "rows" for W1 in tfjs layout [C, C/r], "cols" for W2 [C/r, C]. */
  channelAxis: "rows" | "cols";
  label: string;
}

export function matrixHeatmap(values: ArrayLike<number>, options: MatrixHeatmapOptions): SVGSVGElement {
  const { width, shape, channelAxis, label } = options;
  const [rows, cols] = shape;
  const cell = Math.max(2, Math.min(14, Math.floor((width - 40) / cols)));
  const max = d3.max(Array.from(values), Math.abs) || 1;
  const colour = d3.scaleDiverging(d3.interpolatePuOr).domain([max, 0, -max]);
  const top = 18; // room for the label above the matrix
  const svg = d3
    .create("svg")
    .attr("width", Math.max(cols * cell + 40, 200))
    .attr("height", rows * cell + top + 8)
    .attr("role", "img")
    .attr("aria-label", label)
    .attr("class", "se-heatmap");
  const g = svg.append("g").attr("transform", `translate(30,${top})`);
  for (let i = 0; i < rows; i++) {
    const row = g.append("g").attr("transform", `translate(0,${i * cell})`);
    if (channelAxis === "rows") row.attr("data-channel", i);
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j];
      const rect = row
        .append("rect")
        .attr("x", j * cell)
        .attr("width", cell)
        .attr("height", cell)
        .attr("fill", colour(v));
      if (channelAxis === "cols") rect.attr("data-channel", j);
      rect.append("title").text(`[${i}, ${j}] = ${v.toFixed(4)}`);
    }
  }
  // The colour legend in words: the scale is symmetric, so its range is all a reader needs.
  svg
    .append("text")
    .attr("x", 30)
    .attr("y", 12)
    .attr("font-size", 10)
    .attr("fill", "currentColor")
    .text(`${rows}×${cols}: orange > 0, purple < 0, |w| ≤ ${d3.format(".2~g")(max)}`);
  return svg.node()!;
}
