// Figure 1 of the paper redrawn as SVG from the data in lib/figure1.ts: X → F_tr → U → squeeze → excitation →
// scale → X̃. Horizontal on wide screens, vertical on phones; colours follow the theme (currentColor) and the
// excitation uses cividis, which stays readable with colour-vision deficiencies.
import * as d3 from "d3";
import type { FigureStep, FigureTensor } from "../lib/figure1.js";
import { tex } from "./tex.js";

const SLICES = 8;

interface Options {
  width: number;
  /** Per-slice excitation used to colour s and X̃ (SLICES values in [0, 1]). */
  excitation: number[];
}

function cuboid(
  g: d3.Selection<SVGGElement, undefined, null, undefined>,
  w: number,
  h: number,
  depth: number,
  fill: (i: number) => string,
  opacity: (i: number) => number,
): void {
  // Channel slices run front to back, as the paper draws the C axis; the front slice is drawn last.
  const dx = depth / SLICES;
  for (let i = SLICES - 1; i >= 0; i--) {
    const ox = i * dx * 0.7;
    const oy = -i * dx * 0.5;
    g.append("rect")
      .attr("x", ox)
      .attr("y", oy)
      .attr("width", w)
      .attr("height", h)
      .attr("fill", fill(i))
      .attr("fill-opacity", opacity(i))
      .attr("stroke", "currentColor")
      .attr("stroke-width", 0.75);
  }
}

function column(
  g: d3.Selection<SVGGElement, undefined, null, undefined>,
  cell: number,
  fill: (i: number) => string,
): void {
  for (let i = 0; i < SLICES; i++) {
    g.append("rect")
      .attr("x", 0)
      .attr("y", i * cell)
      .attr("width", cell)
      .attr("height", cell)
      .attr("fill", fill(i))
      .attr("stroke", "currentColor")
      .attr("stroke-width", 0.75);
  }
}

export function figure1Chart(
  data: { tensors: FigureTensor[]; steps: FigureStep[] },
  { width, excitation }: Options,
): HTMLElement {
  if (excitation.length !== SLICES) throw new Error(`figure1Chart needs ${SLICES} excitation values`);
  const vertical = width < 640;
  const n = data.tensors.length;
  const slot = vertical ? 150 : Math.max(120, width / n);
  const svgWidth = vertical ? Math.min(width, 360) : slot * n;
  const svgHeight = vertical ? slot * n : 230;
  const neutral = "var(--theme-foreground-faintest, #ddd)";
  const colour = (i: number) => d3.interpolateCividis(excitation[i]);

  const svg = d3
    .create("svg")
    .attr("width", svgWidth)
    .attr("height", svgHeight)
    .attr("viewBox", `0 0 ${svgWidth} ${svgHeight}`)
    .attr("role", "img")
    .attr("aria-label", "Figure 1: a squeeze-and-excitation block")
    .style("max-width", "100%")
    .style("height", "auto")
    .style("color", "var(--theme-foreground, currentColor)");

  const centres = data.tensors.map((_, i) =>
    vertical ? { x: svgWidth / 2, y: slot * (i + 0.5) } : { x: slot * (i + 0.5), y: svgHeight / 2 - 10 },
  );
  const box = vertical ? 56 : Math.min(70, slot * 0.45);
  const cell = box / SLICES;

  data.tensors.forEach((t, i) => {
    const { x, y } = centres[i];
    const g = svg.append("g").attr("data-tensor", t.id);
    if (t.spatial > 0) {
      const inner = g.append("g").attr("transform", `translate(${x - box / 2},${y - box / 2})`);
      cuboid(
        inner,
        box * 0.8,
        box,
        box * 0.5,
        (k) => (t.recalibrated ? colour(k) : neutral),
        (k) => (t.recalibrated ? 0.35 + 0.65 * excitation[k] : 1),
      );
    } else {
      const inner = g.append("g").attr("transform", `translate(${x - cell / 2},${y - box / 2})`);
      column(inner, cell, (k) => (t.recalibrated ? colour(k) : neutral));
    }
    g.append("text")
      .attr("x", x)
      .attr("y", y + box / 2 + 18)
      .attr("text-anchor", "middle")
      .attr("font-size", 12)
      .attr("fill", "currentColor")
      .text(t.shape);
  });

  svg
    .append("defs")
    .append("marker")
    .attr("id", "se-fig1-arrow")
    .attr("viewBox", "0 0 10 10")
    .attr("refX", 9)
    .attr("refY", 5)
    .attr("markerWidth", 7)
    .attr("markerHeight", 7)
    .attr("orient", "auto-start-reverse")
    .append("path")
    .attr("d", "M0,0L10,5L0,10z")
    .attr("fill", "currentColor");

  const index = new Map(data.tensors.map((t, i) => [t.id, i]));
  const gap = box / 2 + 14;
  data.steps.forEach((step) => {
    const a = centres[index.get(step.from)!];
    const b = centres[index.get(step.to)!];
    const [x1, y1, x2, y2] = vertical
      ? [a.x, a.y + gap + 10, b.x, b.y - gap]
      : [a.x + gap, a.y, b.x - gap, b.y];
    svg
      .append("line")
      .attr("x1", x1)
      .attr("y1", y1)
      .attr("x2", x2)
      .attr("y2", y2)
      .attr("stroke", "currentColor")
      .attr("marker-end", "url(#se-fig1-arrow)");
    const label = svg
      .append("text")
      .attr("x", vertical ? x1 + 10 : (x1 + x2) / 2)
      .attr("y", vertical ? (y1 + y2) / 2 + 4 : y1 - 8)
      .attr("text-anchor", vertical ? "start" : "middle")
      .attr("font-size", 12)
      .attr("font-style", "italic")
      .attr("fill", "currentColor");
    label.append("tspan").text("F");
    label.append("tspan").attr("baseline-shift", "sub").attr("font-size", 9).text(step.label.sub);
    label.append("tspan").text(step.label.args);
  });
  // U also enters the scale step: a bypass arc from U to X̃, as in the paper.
  const u = centres[index.get("U")!];
  const xt = centres[index.get("Xt")!];
  const bypass = vertical
    ? `M${u.x + box / 2 + 6},${u.y} C${svgWidth - 4},${u.y} ${svgWidth - 4},${xt.y} ${xt.x + box / 2 + 6},${xt.y}`
    : `M${u.x},${u.y - box / 2 - 14} C${u.x},${12} ${xt.x},${12} ${xt.x},${xt.y - box / 2 - 14}`;
  svg
    .append("path")
    .attr("d", bypass)
    .attr("fill", "none")
    .attr("stroke", "currentColor")
    .attr("stroke-dasharray", "4 3")
    .attr("marker-end", "url(#se-fig1-arrow)");

  const figure = document.createElement("figure");
  figure.className = "se-figure1";
  figure.append(svg.node()!);
  // Operator names are laid out in HTML below the drawing so that they render as real math (MathML).
  const ops = document.createElement("ol");
  ops.className = "se-figure1-steps";
  for (const step of data.steps) {
    const from = data.tensors[index.get(step.from)!];
    const to = data.tensors[index.get(step.to)!];
    const li = document.createElement("li");
    li.append(
      tex`${step.op}`,
      `: ${step.description} `,
      tex`${from.name}`,
      ` (${from.shape}) → `,
      tex`${to.name}`,
    );
    li.append(` (${to.shape}).`);
    ops.append(li);
  }
  const caption = document.createElement("figcaption");
  caption.textContent =
    "Figure 1 of the paper, redrawn. Dashed: U also feeds the scale step. Colours of s and X̃ illustrate different channel weights (cividis scale: dark = small, yellow = close to 1).";
  figure.append(caption, ops);
  return figure;
}
