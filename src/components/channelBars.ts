// A per-channel vector (z or s) as a bar chart, one bar per channel with data-channel for cross-highlighting.
// Deterministic SVG (no random ids or timing), so tests can snapshot it.
import * as d3 from "d3";

export interface ChannelBarsOptions {
  width: number;
  height?: number;
  /** y domain; default: [min(0, min), max(0, max)]. */
  domain?: [number, number];
  label: string;
  /** The y axis's title (what a bar is, e.g. "z_c"). */
  yLabel: string;
  /** Colour of the bars (a single hue; the highlight uses the theme's focus colour). */
  fill?: string;
}

export function channelBars(values: ArrayLike<number>, options: ChannelBarsOptions): SVGSVGElement {
  const { width, height = 170, label, yLabel, fill = "#5e3c99" } = options;
  const data = Array.from(values);
  const margin = { top: 18, right: 12, bottom: 34, left: 40 };
  const domain = options.domain ?? [Math.min(0, d3.min(data) ?? 0), Math.max(0, d3.max(data) ?? 0)];
  const x = d3
    .scaleBand<number>()
    .domain(d3.range(data.length))
    .range([margin.left, width - margin.right])
    .paddingInner(data.length > 64 ? 0 : 0.15);
  const y = d3
    .scaleLinear()
    .domain(domain)
    .nice()
    .range([height - margin.bottom, margin.top]);
  const svg = d3
    .create("svg")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr("aria-label", label)
    .attr("class", "se-bars");
  svg
    .append("g")
    .attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(4))
    .call((g) => g.select(".domain").remove())
    .call((g) =>
      g
        .append("text")
        .attr("x", -margin.left)
        .attr("y", 10)
        .attr("fill", "currentColor")
        .attr("text-anchor", "start")
        .text(`↑ ${yLabel}`),
    );
  const ticks = x.domain().filter((i) => i % Math.ceil(data.length / 8) === 0);
  svg
    .append("g")
    .attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).tickValues(ticks).tickSizeOuter(0))
    .call((g) =>
      g
        .append("text")
        .attr("x", width - margin.right)
        .attr("y", 30)
        .attr("fill", "currentColor")
        .attr("text-anchor", "end")
        .text("channel →"),
    );
  svg
    .append("g")
    .attr("fill", fill)
    .selectAll("rect")
    .data(data)
    .join("rect")
    .attr("data-channel", (_, i) => i)
    .attr("x", (_, i) => x(i)!)
    .attr("width", Math.max(1, x.bandwidth()))
    .attr("y", (v) => y(Math.max(0, v)))
    .attr("height", (v) => Math.abs(y(v) - y(0)))
    .append("title")
    .text((v, i) => `channel ${i}: ${v.toFixed(4)}`);
  return svg.node()!;
}
