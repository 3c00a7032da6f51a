// KaTeX rendered to HTML (laid out with KaTeX's own stylesheet and fonts, which scripts/vendor.ts takes from
// node_modules, so the site stays offline) plus MathML for screen readers. MathML alone lost \mathbb and \mathbf (Chromium's MathML
// Core knows no mathvariant but "normal") and drew Σ with its limits crowding it.
// Use as a tagged template: tex`z_c = \frac{1}{H W} \sum_{i,j} u_c(i,j)`.
import katex from "katex";

function render(source: string, displayMode: boolean): HTMLElement {
  const element = document.createElement(displayMode ? "div" : "span");
  element.className = displayMode ? "se-tex se-tex-block" : "se-tex";
  element.innerHTML = katex.renderToString(source, {
    output: "htmlAndMathml",
    displayMode,
    throwOnError: true,
  });
  return element;
}

export function tex(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  return render(String.raw(strings, ...values), false);
}

tex.block = (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement =>
  render(String.raw(strings, ...values), true);
