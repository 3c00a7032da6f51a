// WebGPU in Node through dawn.node (npm `webgpu`: Dawn, the WebGPU implementation inside Chromium, built as a Node
// addon), so that tfjs-webgpu and our WGSL kernels can be timed on a machine that has a GPU but no browser. Not a
// dependency of the site: `bash bench/dawn.sh prepare` fetches it into bench/.device/ for the device runs, and a
// local `npm install --no-save webgpu@0.6.2` makes it importable from here.
import * as tf from "@tensorflow/tfjs-core";
import { WebGPUBackend } from "@tensorflow/tfjs-backend-webgpu";
import { initBackend, type BackendState } from "../src/lib/backend.ts";

const PACKAGE = "webgpu";

/** Puts Dawn's `navigator.gpu` in this process and starts tfjs's webgpu backend on it. */
export async function startDawn(): Promise<BackendState & { adapter: string }> {
  let dawn: { create(flags: string[]): GPU; globals: Record<string, unknown> };
  try {
    dawn = await import(PACKAGE);
  } catch (error) {
    throw new Error(
      `node-webgpu needs dawn.node (npm "${PACKAGE}"), which is not installed: run \`bash bench/dawn.sh prepare\` ` +
        `or \`npm install --no-save ${PACKAGE}@0.6.2\` (${(error as Error).message})`,
    );
  }
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  Object.defineProperty(globalThis, "navigator", { value: { gpu }, configurable: true });
  let info: GPUAdapterInfo | undefined; // the adapter the backend runs on, for the record
  // tfjs-webgpu registers its backend when first imported, and only where navigator.gpu existed then (not here: our
  // own modules import it first). Register it as it would have, with the adapter's own limits.
  if (!tf.findBackendFactory("webgpu"))
    tf.registerBackend("webgpu", async () => {
      const adapter = await gpu.requestAdapter({ powerPreference: "high-performance" });
      if (!adapter)
        throw new Error("Dawn found no WebGPU adapter (is a Vulkan driver installed and visible?)");
      info = adapter.info;
      const l = adapter.limits;
      const device = await adapter.requestDevice({
        requiredFeatures: adapter.features.has("timestamp-query") ? ["timestamp-query"] : [],
        requiredLimits: {
          maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
          maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
          maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
          maxBufferSize: l.maxBufferSize,
          maxComputeWorkgroupSizeX: l.maxComputeWorkgroupSizeX,
          maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
        },
      });
      return new WebGPUBackend(device, info);
    });
  const state = await initBackend(["webgpu"]); // throws, saying why, where Dawn finds no usable adapter
  const adapter = [info?.vendor, info?.architecture, info?.device, info?.description]
    .filter(Boolean)
    .join(" ");
  return { ...state, adapter: adapter || state.device };
}
