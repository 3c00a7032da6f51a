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

/**
 * Above this many weights the matrix is one image, a pixel per weight, under one transparent strip per channel (for
 * the highlighting): SE-ResNet-50's stage-5 W1 has 262,144 weights (4 million at r = 1), and an SVG rect each froze
 * the page for a minute or more.
 */
const MAX_RECTS = 16_384;
/** The tallest such an image is drawn, in px. */
const MAX_IMAGE_HEIGHT = 480;

export function matrixHeatmap(values: ArrayLike<number>, options: MatrixHeatmapOptions): SVGSVGElement {
  const { width, shape, channelAxis, label } = options;
  const [rows, cols] = shape;
  const large = rows * cols > MAX_RECTS;
  const cell = Math.max(2, Math.min(14, Math.floor((width - 40) / cols)));
  // cell width and height in px: square cells of whole pixels, or an image scaled to fit
  const cw = large ? Math.min(14, (width - 40) / cols) : cell;
  const ch = large ? Math.min(cw, MAX_IMAGE_HEIGHT / rows) : cell;
  let max = 0;
  for (let i = 0; i < rows * cols; i++) max = Math.max(max, Math.abs(values[i]));
  max ||= 1;
  const colour = d3.scaleDiverging(d3.interpolatePuOr).domain([max, 0, -max]);
  const top = 18; // room for the label above the matrix
  const svg = d3
    .create("svg")
    .attr("width", Math.max(cols * cw + 40, 200))
    .attr("height", rows * ch + top + 8)
    .attr("role", "img")
    .attr("aria-label", label)
    .attr("class", "se-heatmap");
  const g = svg.append("g").attr("transform", `translate(30,${top})`);
  if (large) drawImage(g, values, { rows, cols, cw, ch, colour, channelAxis });
  else drawRects(g, values, { rows, cols, cell, colour, channelAxis });
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

type Group = d3.Selection<SVGGElement, undefined, null, undefined>;
type Colour = (v: number) => string;

/** A rect per weight, with its value as a tooltip. */
function drawRects(
  g: Group,
  values: ArrayLike<number>,
  o: { rows: number; cols: number; cell: number; colour: Colour; channelAxis: "rows" | "cols" },
): void {
  const { rows, cols, cell, colour, channelAxis } = o;
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
}

/** The weights as one scaled image, and a transparent strip per channel that highlights and names it. */
function drawImage(
  g: Group,
  values: ArrayLike<number>,
  o: { rows: number; cols: number; cw: number; ch: number; colour: Colour; channelAxis: "rows" | "cols" },
): void {
  const { rows, cols, cw, ch, colour, channelAxis } = o;
  const canvas = document.createElement("canvas");
  canvas.width = cols;
  canvas.height = rows;
  const context = canvas.getContext("2d");
  if (context) {
    const image = context.createImageData(cols, rows);
    for (let p = 0; p < rows * cols; p++) {
      const rgb = d3.rgb(colour(values[p]));
      image.data.set([rgb.r, rgb.g, rgb.b, 255], p * 4);
    }
    context.putImageData(image, 0, 0);
  }
  g.append("image")
    .attr("href", canvas.toDataURL())
    .attr("width", cols * cw)
    .attr("height", rows * ch)
    .attr("preserveAspectRatio", "none")
    .style("image-rendering", "pixelated");
  const channels = channelAxis === "rows" ? rows : cols;
  for (let c = 0; c < channels; c++) {
    const strip = g.append("rect").attr("fill", "transparent").attr("data-channel", c);
    if (channelAxis === "rows")
      strip
        .attr("y", c * ch)
        .attr("width", cols * cw)
        .attr("height", ch);
    else
      strip
        .attr("x", c * cw)
        .attr("width", cw)
        .attr("height", rows * ch);
    strip.append("title").text(`channel ${c}`);
  }
}
