// Page start-up shared by every chapter: registers KaTeX's fonts, starts tfjs on the reader's preferred backend (or
// the best one), falls back when a WebGPU device is lost, and keeps the header badge in sync. Each page imports
// `backend` from here; the badge lets the reader switch.
import * as tf from "@tensorflow/tfjs-core";
import {
  backendOrder,
  BACKEND_ORDER,
  configureWasm,
  fastestForNetworks,
  initBackend,
  isBackendName,
} from "../lib/backend.js";
import type { BackendName, BackendState } from "../lib/backend.js";
import { getThreadsCount } from "@tensorflow/tfjs-backend-wasm";
import { withAllCores } from "./wasmThreads.js";
import { isolateLaterPages, isolationText, type Isolation } from "./isolation.js";
import { KATEX_FONTS } from "./katexFonts.generated.js";
import type { DroppedParameter } from "../lib/queryGuard.js";

// KaTeX's fonts, from the site's own files (see scripts/vendor.ts); a browser fetches each only once a formula uses it.
for (const { family, style, weight, href } of KATEX_FONTS)
  document.fonts.add(
    new FontFace(family, `url(${href}) format("woff2")`, { style, weight, display: "block" }),
  );

// What the head's guard took out of the address before tfjs could throw on it (observablehq.config.ts).
const dropped = (window as { seDroppedQuery?: DroppedParameter[] }).seDroppedQuery ?? [];
if (dropped.length) {
  const note = document.createElement("p");
  note.className = "se-url-note";
  note.setAttribute("role", "status");
  note.textContent =
    `Removed from the address because the page could not start with ${dropped.length === 1 ? "it" : "them"}: ` +
    dropped.map(({ text, why }) => `“${text}” (${why})`).join(", ") +
    ".";
  document.querySelector("main")?.prepend(note);
}

const STORAGE_KEY = "se-explorer.backend";
const PROBE_KEY = "se-explorer.probe";

/** The backend probe of an earlier page load on this device (see fastestForNetworks), kept in localStorage. */
const probeCache = {
  remembered(device: string): Partial<Record<BackendName, number>> | null {
    try {
      const saved = JSON.parse(localStorage.getItem(PROBE_KEY) ?? "null");
      return saved?.device === device && saved.userAgent === navigator.userAgent ? saved.probe : null;
    } catch {
      return null; // no storage or an unreadable entry: measure again
    }
  },
  remember(device: string, probe: Partial<Record<BackendName, number>>): void {
    try {
      localStorage.setItem(PROBE_KEY, JSON.stringify({ device, userAgent: navigator.userAgent, probe }));
    } catch {
      // without storage the next page measures again
    }
  },
};

function storedPreference(): BackendName | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isBackendName(value) ? value : null;
  } catch {
    return null; // storage can be disabled; the automatic order still works
  }
}

function renderBadge(
  badge: HTMLElement,
  state: BackendState,
  preferred: BackendName | null,
  isolated: Isolation,
): void {
  badge.replaceChildren();
  badge.dataset.backend = state.name;
  const label = document.createElement("label");
  label.textContent = "tfjs backend ";
  const select = document.createElement("select");
  select.setAttribute("aria-label", "tfjs backend");
  // what "auto" picked is known only while it is the choice
  const auto = new Option(preferred ? "auto" : `auto (${state.name})`, "");
  select.append(auto, ...BACKEND_ORDER.map((name) => new Option(name, name)));
  select.value = preferred ?? "";
  select.addEventListener("change", () => {
    try {
      if (select.value) localStorage.setItem(STORAGE_KEY, select.value);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // without storage the choice cannot persist; reloading would lose it, so say so instead
      badge.title = "Your browser blocks storage, so the choice cannot be kept.";
      return;
    }
    location.reload();
  });
  label.append(select);
  const device = document.createElement("span");
  device.className = "se-badge-device";
  device.textContent = state.software ? `${state.device} (software)` : state.device;
  badge.append(label, device);
  if (state.webgpu && state.name !== "webgpu") {
    const kernels = document.createElement("span");
    kernels.className = "se-badge-device";
    kernels.textContent = "· WGSL kernels on webgpu";
    badge.append(kernels);
  }
  const failed = state.attempts.map((a) => `${a.name}: ${a.error}`).join("\n");
  badge.title = [
    `Networks run on ${state.name}: ${state.reason ?? "your choice"}.`,
    state.webgpu
      ? `The WGSL kernels run on webgpu (${state.webgpu.device}${state.webgpu.software ? ", software" : ""}).`
      : "gpu" in navigator
        ? "The WGSL kernels start WebGPU when a chapter needs them."
        : "This browser has no WebGPU, so the WGSL kernels cannot run here.",
    isolationText(isolated, state.name === "wasm" ? ` on ${getThreadsCount()} thread(s)` : ""),
    failed ? `Tried first:\n${failed}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function renderFailure(badge: HTMLElement, error: unknown): void {
  badge.dataset.backend = "none";
  badge.textContent = "no tfjs backend could start";
  badge.title = error instanceof Error ? error.message : String(error);
}

async function start(): Promise<BackendState> {
  configureWasm({
    "tfjs-backend-wasm.wasm": import.meta
      .resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"),
    "tfjs-backend-wasm-simd.wasm": import.meta
      .resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"),
    "tfjs-backend-wasm-threaded-simd.wasm": import.meta
      .resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm"),
  });
  const preferred = storedPreference();
  const badge = document.getElementById("se-backend-badge");
  try {
    const state = await withAllCores(async () =>
      preferred
        ? { ...(await initBackend(backendOrder(preferred))), reason: "your choice in this menu" }
        : await fastestForNetworks(BACKEND_ORDER, probeCache),
    );
    if (badge) renderBadge(badge, state, preferred, await isolation);
    return state;
  } catch (error) {
    if (badge) renderFailure(badge, error);
    throw error;
  }
}

let watched: GPUDevice | undefined;

/**
 * When the WebGPU device the networks run on is lost (driver reset, GPU process crash, or destroy()), starts the
 * next backend that works as start() does (wasm on every core, should it start here for the first time), redraws
 * the badge, and calls `onFallback` with a sentence for the reader. The device takes every tensor on it along: the
 * caller builds its models again (loadInstalledModel keys them by backend). Watches the current device once.
 */
export function onDeviceLost(onFallback: (message: string) => void): void {
  if (tf.getBackend() !== "webgpu") return;
  const device = (tf.backend() as unknown as { device: GPUDevice }).device;
  if (watched === device) return;
  watched = device;
  void device.lost.then(async (info) => {
    const why = info.message || info.reason || "no reason given";
    const badge = document.getElementById("se-backend-badge");
    try {
      const state = await withAllCores(() => initBackend(BACKEND_ORDER.filter((b) => b !== "webgpu")));
      const reason = `the WebGPU device was lost (${why}), and it was the next backend that started`;
      if (badge) renderBadge(badge, { ...state, reason }, storedPreference(), await isolation);
      onFallback(
        `The WebGPU device was lost (${why}). Switched to ${state.name}; everything below was computed again.`,
      );
    } catch (error) {
      if (badge) renderFailure(badge, error);
      onFallback(
        `The WebGPU device was lost (${why}) and no other backend could start: ${(error as Error).message}`,
      );
    }
  });
}

/** Whether this page is cross-origin isolated (wasm threads), and whether the pages opened after it will be. */
export const isolation: Promise<Isolation> = isolateLaterPages();

/** Resolves once tfjs runs on a backend; every page awaits it before computing. */
export const backend: Promise<BackendState> = start();
