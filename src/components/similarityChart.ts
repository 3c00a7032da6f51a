// How far apart two images' excitations are per SE block (mean |s_a − s_b|), in forward order: does the difference
// grow with depth, as the paper's observation that deeper blocks are class-specific predicts? Deterministic SVG.
import * as d3 from "d3";
import type { BlockSimilarity } from "../lib/excitationSimilarity.js";

export function similarityChart(
  rows: readonly BlockSimilarity[],
  { width, label }: { width: number; label: string },
): SVGSVGElement {
  const height = 200;
  const margin = { top: 24, right: 12, bottom: 40, left: 44 };
  const x = d3
    .scalePoint<string>()
    .domain(rows.map((r) => r.block))
    .range([margin.left, width - margin.right])
    .padding(0.5);
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(0.01, d3.max(rows, (r) => r.difference) ?? 0)])
    .nice(4)
    .range([height - margin.bottom, margin.top]);
  const svg = d3
    .create("svg")
    .attr("width", width)
    .attr("height", height)
    .attr("role", "img")
    .attr("aria-label", label)
    .attr("class", "se-similarity");
  svg
    .append("g")
    .attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(4))
    .call((g) =>
      g
        .append("text")
        .attr("x", -margin.left)
        .attr("y", 12)
        .attr("fill", "currentColor")
        .attr("text-anchor", "start")
        .text("↑ mean |Δs| per channel"),
    );
  svg
    .append("g")
    .attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x))
    .selectAll("text")
    .attr("transform", "rotate(-35)")
    .attr("text-anchor", "end");
  svg
    .append("path")
    .attr("fill", "none")
    .attr("stroke", "#0072B2")
    .attr("stroke-width", 2)
    .attr(
      "d",
      d3.line<BlockSimilarity>(
        (r) => x(r.block)!,
        (r) => y(r.difference),
      )(rows),
    );
  svg
    .append("g")
    .selectAll("circle")
    .data(rows)
    .join("circle")
    .attr("data-block", (r) => r.block)
    .attr("cx", (r) => x(r.block)!)
    .attr("cy", (r) => y(r.difference))
    .attr("r", 3.5)
    .attr("fill", "#0072B2")
    .append("title")
    .text((r) => `${r.block}: mean |Δs| ${r.difference.toFixed(4)}, cosine ${r.cosine.toFixed(4)}`);
  return svg.node()!;
}
