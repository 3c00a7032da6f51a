// Cosine similarity of two images' excitation vectors per SE block, in forward order: does it fall with depth,
// as the paper's observation that deeper blocks are class-specific predicts? Deterministic SVG.
import * as d3 from "d3";

export function similarityChart(
  rows: { block: string; cosine: number }[],
  { width, label }: { width: number; label: string },
): SVGSVGElement {
  const height = 200;
  const margin = { top: 10, right: 12, bottom: 40, left: 44 };
  const x = d3
    .scalePoint<string>()
    .domain(rows.map((r) => r.block))
    .range([margin.left, width - margin.right])
    .padding(0.5);
  const low = Math.min(0.5, d3.min(rows, (r) => r.cosine) ?? 0.5);
  const y = d3
    .scaleLinear()
    .domain([Math.floor(low * 10) / 10, 1])
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
    .call(d3.axisLeft(y).ticks(5))
    .call((g) =>
      g
        .append("text")
        .attr("x", -36)
        .attr("y", 6)
        .attr("fill", "currentColor")
        .attr("text-anchor", "start")
        .text("cosine"),
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
      d3.line<{ block: string; cosine: number }>(
        (r) => x(r.block)!,
        (r) => y(r.cosine),
      )(rows),
    );
  svg
    .append("g")
    .selectAll("circle")
    .data(rows)
    .join("circle")
    .attr("data-block", (r) => r.block)
    .attr("cx", (r) => x(r.block)!)
    .attr("cy", (r) => y(r.cosine))
    .attr("r", 3.5)
    .attr("fill", "#0072B2")
    .append("title")
    .text((r) => `${r.block}: ${r.cosine.toFixed(4)}`);
  return svg.node()!;
}
