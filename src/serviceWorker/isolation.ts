// The site's service worker, served as /isolation.js (scripts/serviceWorker.ts builds it beside the pages). It makes
// the site cross-origin isolated on any static host: it re-serves every same-origin response with the headers a
// host would otherwise have to send (COOP same-origin, COEP require-corp), which is what lets the WebAssembly
// backend use threads (SharedArrayBuffer). A page cannot change its own headers once loaded, so the pages that load
// after the worker is installed are isolated (src/components/isolation.ts registers it). It caches nothing: each
// request still goes to the network and the HTTP cache as it would without it. Cross-origin requests are left alone.
export {};

// The few service-worker types used here (the project's TypeScript lib is the DOM's, not the WebWorker one).
interface FetchEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
declare const self: {
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: "install", listener: () => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEventLike) => void): void;
};

const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
} as const;

// A new version takes over at once: there is no state to hand over.
self.addEventListener("install", () => void self.skipWaiting());

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (new URL(request.url).origin !== self.location.origin) return;
  // Chromium rejects this combination from a worker (devtools asks for it); let the browser answer itself.
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  event.respondWith(withIsolation(request));
});

async function withIsolation(request: Request): Promise<Response> {
  const response = await fetch(request);
  if (response.type === "opaque" || response.type === "opaqueredirect") return response; // cannot be rebuilt
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
