// Source code shown on a page (the WGSL actually compiled), folded by default.
export function codeBlock(
  source: string,
  { summary, open = false }: { summary: string; open?: boolean },
): HTMLElement {
  const details = document.createElement("details");
  details.className = "se-code";
  details.open = open;
  const title = document.createElement("summary");
  title.textContent = summary;
  const pre = document.createElement("pre");
  const code = document.createElement("code");
  code.className = "language-wgsl";
  code.textContent = source;
  pre.append(code);
  details.append(title, pre);
  return details;
}
