// KaTeX rendered to MathML: browsers lay MathML out natively, so no KaTeX stylesheet or web fonts are needed and
// the site stays fully offline. Use as a tagged template: tex`z_c = \frac{1}{H W} \sum_{i,j} u_c(i,j)`.
import katex from "katex";

function render(source: string, displayMode: boolean): HTMLElement {
  const element = document.createElement(displayMode ? "div" : "span");
  element.className = displayMode ? "se-tex se-tex-block" : "se-tex";
  element.innerHTML = katex.renderToString(source, { output: "mathml", displayMode, throwOnError: true });
  return element;
}

export function tex(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  return render(String.raw(strings, ...values), false);
}

tex.block = (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement =>
  render(String.raw(strings, ...values), true);
