// Model files kept in the browser's Cache Storage, so a second visit loads weights without downloading them again,
// whatever caching headers the host sends. Only content-addressed URLs are cached (Framework's file attachments are
// named `name.<hash>.ext`, the importer's shards `group1-shardKofN.<sha8>.bin`): a changed file gets a new URL, so an
// entry can never be stale, and `pruneWeightCache` drops entries no installed model lists any more.
// Hosts that can send headers should still serve `/_file/*` with `Cache-Control: public, max-age=31536000,
// immutable`; the Cache Storage copy covers the hosts that cannot.

const CACHE = "se-explorer-weights-v1";
const HASHED = /\.[0-9a-f]{8}\.[0-9a-z]+$/i;

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === "undefined" ? null : await caches.open(CACHE);
  } catch {
    return null; // storage disabled (private mode, opaque origin): plain fetch still works
  }
}

/** Requests in flight by URL: callers that ask for the same file at once share one download. */
const inFlight = new Map<string, Promise<Response>>();

async function fromCache(cache: Cache, href: string, init?: RequestInit): Promise<Response> {
  const hit = await cache.match(href);
  if (hit) return hit;
  const response = await fetch(href, init);
  if (response.ok) {
    try {
      await cache.put(href, response.clone());
    } catch {
      // over quota: the next visit downloads again
    }
  }
  return response;
}

/** fetch(), answered from Cache Storage for content-hashed URLs and stored there after the first download. */
export async function cachedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  const cache = HASHED.test(url.pathname) ? await openCache() : null;
  if (!cache) return fetch(input, init);
  let response = inFlight.get(url.href);
  if (!response) {
    response = fromCache(cache, url.href, init);
    inFlight.set(url.href, response);
    void response.finally(() => inFlight.delete(url.href)).catch(() => undefined);
  }
  return (await response).clone(); // each caller reads its own copy of the body
}

/** Deletes cached files whose URL is not in `keep` (older versions of the installed models). */
export async function pruneWeightCache(keep: Iterable<string>): Promise<number> {
  const cache = await openCache();
  if (!cache) return 0;
  const wanted = new Set([...keep].map((u) => new URL(u, location.href).href));
  let deleted = 0;
  for (const request of await cache.keys())
    if (!wanted.has(request.url) && (await cache.delete(request))) deleted++;
  return deleted;
}
