// Shared by the network benchmarks: bundles bench/net.page.ts with the wasm binaries, serves it on 127.0.0.1 (with
// COOP/COEP headers when asked, so the page is cross-origin isolated and tfjs can run multi-threaded wasm) and opens
// it in Debian's headless Chromium, one fresh page per backend.
import { copyFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { bundlePage } from "../tests/helpers/bundle.ts";
import { CHROMIUM, CHROMIUM_ARGS, watchedPage } from "../tests/helpers/chromium.ts";
import { serve, type StaticServer } from "../tests/helpers/server.ts";
import { WASM_BINARIES } from "../src/lib/backend.ts";
import type { NetBenchPage } from "./net.page.ts";

const OUT = ".test-out/bench-net";

/** Headers that make a page cross-origin isolated (SharedArrayBuffer, hence wasm threads). */
export const ISOLATION_HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};

export interface BenchBrowser {
  browser: Browser;
  /** A fresh page (new context) on the plain or the isolated server. */
  open(isolated: boolean): Promise<BenchPage>;
  close(): Promise<void>;
}

export interface BenchPage {
  page: Page;
  problems: string[];
  call<K extends keyof NetBenchPage>(
    name: K,
    ...args: Parameters<NetBenchPage[K]>
  ): Promise<Awaited<ReturnType<NetBenchPage[K]>>>;
}

export async function startBrowser(log: (line: string) => void = console.log): Promise<BenchBrowser> {
  await bundlePage("bench/net.page.ts", OUT);
  for (const name of WASM_BINARIES)
    copyFileSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${name}`, `${OUT}/${name}`);
  const servers: StaticServer[] = [await serve(OUT), await serve(OUT, ISOLATION_HEADERS)];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    async open(isolated) {
      const { page, problems } = await watchedPage(browser);
      page.on("console", (m) => {
        if (m.type() === "log") log(`  ${m.text()}`);
      });
      await page.goto(`${servers[isolated ? 1 : 0].url}/`);
      await page.waitForFunction(() => "netBench" in window);
      return {
        page,
        problems,
        call: (name, ...args) =>
          page.evaluate(([name, args]) => (window as any).netBench[name](...args), [
            name,
            args,
          ] as const) as never,
      };
    },
    async close() {
      await browser.close();
      for (const s of servers) await s.close();
    },
  };
}
