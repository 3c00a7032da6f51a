// A minimal static file server for browser tests and benchmarks: serves one folder on 127.0.0.1
// with clean URLs (`/squeeze` -> `/squeeze.html`), so the built site is tested as a publisher would host it.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".bin": "application/octet-stream",
  ".wgsl": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Headers that make a page cross-origin isolated (SharedArrayBuffer, hence wasm threads), as a host can send them. */
export const ISOLATION_HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};

export async function serve(root: string, headers: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, "");
    const base = join(root, safe);
    const candidates = safe.endsWith("/") ? [join(base, "index.html")] : [base, `${base}.html`];
    for (const file of candidates) {
      if (await isFile(file)) {
        res.writeHead(200, {
          "content-type": types[extname(file)] ?? "application/octet-stream",
          ...headers,
        });
        res.end(await readFile(file));
        return;
      }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
