// Observable Plot labels a chart's SVG (ariaLabel) but gives it no role, and draws each legend swatch as an SVG of
// its own with no label. A screen reader should meet each chart as one labelled image and skip the swatches, whose
// series names follow them as text.
export function accessible<T extends Element>(node: T): T {
  for (const svg of node.matches("svg") ? [node] : node.querySelectorAll("svg")) {
    if (svg.hasAttribute("aria-label")) svg.setAttribute("role", "img");
    else svg.setAttribute("aria-hidden", "true");
  }
  return node;
}
