// Launches Debian's Chromium (never a downloaded browser) with WebGPU on, and watches a page for
// anything that must fail a test: console errors, page errors, failed requests, requests off 127.0.0.1.
import { chromium, type Browser, type Page } from "playwright-core";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--enable-unsafe-webgpu",
  "--enable-features=Vulkan",
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface Watched {
  page: Page;
  /** Everything that went wrong so far, one line each; a test asserts this is empty. */
  problems: string[];
}

/** Opens a page that records console errors, page errors, failed requests and off-host requests. */
export async function watchedPage(browser: Browser, allowConsole: RegExp[] = []): Promise<Watched> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    if (!allowConsole.some((re) => re.test(text))) problems.push(`console error: ${text}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`),
  );
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1")
      return route.continue();
    problems.push(`off-host request: ${url.href}`);
    return route.abort();
  });
  return { page, problems };
}
