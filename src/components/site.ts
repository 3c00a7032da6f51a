// Page start-up shared by every chapter: starts tfjs on the reader's preferred backend (or the best one) and
// keeps the header badge in sync. Each page imports `backend` from here; the badge lets the reader switch.
import { backendOrder, BACKEND_ORDER, configureWasm, initBackend, isBackendName } from "../lib/backend.js";
import type { BackendName, BackendState } from "../lib/backend.js";

const STORAGE_KEY = "se-explorer.backend";

function storedPreference(): BackendName | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isBackendName(value) ? value : null;
  } catch {
    return null; // storage can be disabled; the automatic order still works
  }
}

function renderBadge(badge: HTMLElement, state: BackendState, preferred: BackendName | null): void {
  badge.replaceChildren();
  badge.dataset.backend = state.name;
  const label = document.createElement("label");
  label.textContent = "tfjs backend ";
  const select = document.createElement("select");
  select.setAttribute("aria-label", "tfjs backend");
  const auto = new Option(`auto (${state.name})`, "");
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
  const failed = state.attempts.map((a) => `${a.name}: ${a.error}`).join("\n");
  badge.title = failed ? `Tried first:\n${failed}` : `Running on ${state.name}`;
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
    const state = await initBackend(backendOrder(preferred));
    if (badge) renderBadge(badge, state, preferred);
    return state;
  } catch (error) {
    if (badge) {
      badge.dataset.backend = "none";
      badge.textContent = "no tfjs backend could start";
      badge.title = error instanceof Error ? error.message : String(error);
    }
    throw error;
  }
}

/** Resolves once tfjs runs on a backend; every page awaits it before computing. */
export const backend: Promise<BackendState> = start();
