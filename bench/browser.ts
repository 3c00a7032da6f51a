// Shared by the browser benchmarks: bundles a page (bench/net.page.ts by default) with the tfjs wasm binaries, serves
// it on 127.0.0.1 (with COOP/COEP headers when asked, so the page is cross-origin isolated and wasm can run
// multi-threaded) and opens it in Debian's headless Chromium, one fresh page (new context) per call.
import { copyFileSync, existsSync, symlinkSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { bundlePage } from "../tests/helpers/bundle.ts";
import { CHROMIUM, CHROMIUM_ARGS, watchedPage } from "../tests/helpers/chromium.ts";
import { ISOLATION_HEADERS, serve, type StaticServer } from "../tests/helpers/server.ts";
import { WASM_BINARIES } from "../src/lib/backend.ts";
import type { NetBenchPage } from "./net.page.ts";

/** A page's functions, called from Node with structured-clonable arguments. */
type PageApi = Record<string, (...args: never[]) => unknown>;

export interface PageBundle {
  entry: string;
  out: string;
  /** The window property the page sets to its API object. */
  global: string;
  /** Files or folders served beside the page: name under `out` -> path here (symlinked, not copied). */
  links?: Record<string, string>;
}

const NET_PAGE: PageBundle = { entry: "bench/net.page.ts", out: ".test-out/bench-net", global: "netBench" };

export interface BenchBrowser<Api extends PageApi = NetBenchPage> {
  browser: Browser;
  /** A fresh page (new context) on the plain or the isolated server. */
  open(isolated: boolean): Promise<BenchPage<Api>>;
  close(): Promise<void>;
}

export interface BenchPage<Api extends PageApi = NetBenchPage> {
  page: Page;
  problems: string[];
  call<K extends keyof Api & string>(
    name: K,
    ...args: Parameters<Api[K]>
  ): Promise<Awaited<ReturnType<Api[K]>>>;
}

export async function startBrowser<Api extends PageApi = NetBenchPage>(
  log: (line: string) => void = console.log,
  bundle: PageBundle = NET_PAGE,
): Promise<BenchBrowser<Api>> {
  const { entry, out, global, links = {} } = bundle;
  await bundlePage(entry, out);
  for (const name of WASM_BINARIES)
    copyFileSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${name}`, `${out}/${name}`);
  for (const [name, target] of Object.entries(links))
    if (!existsSync(`${out}/${name}`)) symlinkSync(resolve(target), `${out}/${name}`);
  const servers: StaticServer[] = [await serve(out), await serve(out, ISOLATION_HEADERS)];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    async open(isolated) {
      const { page, problems } = await watchedPage(browser);
      page.on("console", (m) => {
        if (m.type() === "log") log(`  ${m.text()}`);
      });
      await page.goto(`${servers[isolated ? 1 : 0].url}/`);
      await page.waitForFunction((global) => global in window, global);
      return {
        page,
        problems,
        call: (name, ...args) =>
          page.evaluate(([global, name, args]) => (window as any)[global][name](...args), [
            global,
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
