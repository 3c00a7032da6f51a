// tfjs-core decodes every parameter of the page's address when it loads, to read its own "tfjsflags" developer
// switch. A malformed parameter ("%F0", "50%") or a tfjsflags value it cannot evaluate throws right there and takes
// every page down before any of our code runs. `splitQuery` finds those parameters; observablehq.config.ts inlines
// it into each page's head, which removes them from the address before tfjs loads, and site.ts says which.
// Self-contained on purpose (no imports, no inner functions): the config inlines its source text.

export interface DroppedParameter {
  /** The parameter as it stood in the address. */
  text: string;
  why: string;
}

/** `search` (location.search) without the parameters tfjs would throw on, and those parameters with the reason. */
export function splitQuery(search: string): { kept: string; dropped: DroppedParameter[] } {
  const kept: string[] = [];
  const dropped: DroppedParameter[] = [];
  // tfjs splits at "?" as well as "&", and takes the value up to the next "&"
  for (const part of search.split(/[?&]/)) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    let name: string;
    try {
      name = decodeURIComponent(equals < 0 ? part : part.slice(0, equals));
      if (equals >= 0) decodeURIComponent(part.slice(equals + 1));
    } catch {
      dropped.push({ text: part, why: "not valid URL encoding" });
      continue;
    }
    if (name === "tfjsflags")
      dropped.push({ text: part, why: "TensorFlow.js's developer switch, which this site does not take" });
    else kept.push(part);
  }
  return { kept: kept.length ? `?${kept.join("&")}` : "", dropped };
}
