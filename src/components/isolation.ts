// Cross-origin isolation without the host's help. The WebAssembly backend runs threads only in a cross-origin
// isolated page, which takes two response headers that a plain static host (GitHub Pages, for one) cannot send.
// The site's service worker (src/serviceWorker/isolation.ts, served as /isolation.js) adds them to every response
// it serves; a page is isolated or not from the moment it loads, so the pages opened after it is installed are.

export type Isolation =
  | { state: "isolated" }
  /** The worker is installed: the next page opened, or a reload, is isolated. */
  | { state: "next page" }
  | { state: "unavailable"; why: string };

/** Installs the service worker unless this page is isolated already, and says what that means for threads. */
export async function isolateLaterPages(): Promise<Isolation> {
  if (self.crossOriginIsolated) return { state: "isolated" };
  if (!("serviceWorker" in navigator))
    return {
      state: "unavailable",
      why: "this browser offers no service worker here (they need https or localhost)",
    };
  try {
    // beside the pages, whose folder is the site's root: the worker's scope is that folder
    await navigator.serviceWorker.register(new URL("isolation.js", document.baseURI));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { state: "unavailable", why: `the site's service worker could not be installed (${message})` };
  }
  return navigator.serviceWorker.controller
    ? {
        state: "unavailable",
        why: "the site's service worker served this page, yet the browser did not isolate it",
      }
    : { state: "next page" };
}

/** One sentence for the reader: whether wasm runs threads here and, if not, whether it will. */
export function isolationText(isolation: Isolation, threads: string): string {
  switch (isolation.state) {
    case "isolated":
      return `The page is cross-origin isolated: wasm runs its threaded build${threads}.`;
    case "next page":
      return "This page is not cross-origin isolated, so wasm runs on one thread; the site has just installed its service worker, which isolates the pages you open from now on (or this one, reloaded).";
    case "unavailable":
      return `The page is not cross-origin isolated, so wasm runs on one thread: ${isolation.why}.`;
  }
}
