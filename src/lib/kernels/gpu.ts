// Plumbing shared by the SE kernels. They run on the GPUDevice of tfjs-backend-webgpu and bind the GPUBuffers of tfjs
// tensors directly, so a kernel fits between tfjs ops without any copy or CPU round trip.
//
// Why not `tensor.dataToGPU()` and `tf.tensor({buffer})`? In tfjs 4.22 `dataToGPU()` copies the whole tensor into a
// fresh buffer (copyBufferToBuffer + submit), and `tf.tensor({buffer})` copies once more unless `zeroCopy` is set, in
// which case tfjs marks the buffer "external", never frees it and gives no sign of when the tensor is gone. For an SE
// block that is two extra passes over U, more than the block itself reads. The backend's own API (typed public in
// its .d.ts: `tensorMap`, `uploadToGPU`, `makeTensorInfo`, `bufferManager`, `submitQueue`) does what readToGPU does
// internally: inputs are bound as the tensors' own buffers, and outputs are backend-allocated tensors that tfjs owns
// and frees like any other. Scratch and uniform buffers come from the same pool.
//
// The dispatches are recorded into tfjs's own pending compute pass, as if they were tfjs ops, rather than submitted
// on their own: a submit of its own per SE block (plus the flush of what tfjs had batched) cost more on a real GPU
// than the block's arithmetic. That needs five fields tfjs 4.22 keeps private (`batch` below checks they are there).
import * as tf from "@tensorflow/tfjs-core";
import type { WebGPUBackend } from "@tensorflow/tfjs-backend-webgpu";

/** The active tfjs WebGPU backend; the kernels share its device, buffer pool and queue. */
export function webgpuBackend(): WebGPUBackend {
  const name = tf.getBackend();
  if (name !== "webgpu") {
    throw new Error(
      `SE kernels need the tfjs "webgpu" backend, but "${name}" is active: await tf.setBackend("webgpu")`,
    );
  }
  return tf.backend() as WebGPUBackend;
}

const pipelines = new WeakMap<GPUDevice, Map<string, Map<string, GPUComputePipeline>>>();

/** The compute pipeline for `code` (entry point `main`) with these override constants, compiled once per device. */
export function pipeline(
  device: GPUDevice,
  code: string,
  constants: Record<string, number> = {},
): GPUComputePipeline {
  let byCode = pipelines.get(device);
  if (byCode === undefined) pipelines.set(device, (byCode = new Map()));
  let byConstants = byCode.get(code);
  if (byConstants === undefined) byCode.set(code, (byConstants = new Map()));
  const key = JSON.stringify(constants);
  let result = byConstants.get(key);
  if (result === undefined) {
    const module = device.createShaderModule({ code });
    result = device.createComputePipeline({
      layout: "auto",
      compute: { module, entryPoint: "main", constants },
    });
    byConstants.set(key, result);
  }
  return result;
}

/** The GPUBuffer holding `t` (uploading it first if its values are still on the CPU or on another backend). */
export function tensorBuffer(backend: WebGPUBackend, t: tf.Tensor, name: string): GPUBuffer {
  if (t.isDisposed) throw new Error(`SE: ${name} has been disposed`);
  if (t.dtype !== "float32") throw new Error(`SE: ${name} must be float32, got ${t.dtype}`);
  if (!backend.tensorMap.has(t.dataId)) tf.engine().moveData(backend, t.dataId);
  backend.uploadToGPU(t.dataId);
  const resource = backend.tensorMap.get(t.dataId).resource;
  if (!(resource instanceof GPUBuffer)) throw new Error(`SE: ${name} is held in a texture, not a GPUBuffer`);
  batch(backend).commandQueueOwnedIds.add(t.dataId); // freed by tfjs only after the commands that read it are submitted
  return resource;
}

/** A new float32 tensor owned by tfjs, and the GPUBuffer a kernel should write its values to. */
export function outputTensor<R extends tf.Rank>(
  backend: WebGPUBackend,
  shape: number[],
): { tensor: tf.Tensor<R>; buffer: GPUBuffer } {
  const info = backend.makeTensorInfo(shape, "float32");
  backend.uploadToGPU(info.dataId);
  const buffer = backend.tensorMap.get(info.dataId).resource as GPUBuffer;
  batch(backend).commandQueueOwnedIds.add(info.dataId);
  return { tensor: tf.engine().makeTensorFromTensorInfo(info, backend) as tf.Tensor<R>, buffer };
}

/** A pooled storage buffer for `floats` intermediate values; `run` hands it back to the pool. */
export function scratchBuffer(backend: WebGPUBackend, floats: number): GPUBuffer {
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  return backend.bufferManager.acquireBuffer(Math.max(floats, 1) * 4, usage);
}

/** A pooled uniform buffer holding `values` as u32 (padded to 16 bytes); `run` hands it back to the pool. */
export function uniformBuffer(backend: WebGPUBackend, values: number[]): GPUBuffer {
  const data = new Uint32Array(Math.ceil(values.length / 4) * 4);
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff)
      throw new Error(`SE: uniform ${i} = ${v} is not a u32`);
    data[i] = v;
  });
  const buffer = backend.bufferManager.acquireBuffer(
    data.byteLength,
    GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  );
  backend.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

/** One dispatch: binding i of group 0 is `bindings[i]`. */
export interface Dispatch {
  label: string;
  pipeline: GPUComputePipeline;
  bindings: GPUBuffer[];
  workgroups: [number, number, number];
}

interface Timer {
  querySet: GPUQuerySet;
  labels: string[];
}
const CAPACITY = 64;
let timer: Timer | null = null;

/** tfjs-webgpu's batching state: the command encoder and compute pass its ops are recorded into until it submits. */
interface Batch {
  commandEncoder: GPUCommandEncoder | null;
  computePassEncoder: GPUComputePassEncoder | null;
  /** Dispatches recorded since the last submit; tfjs submits at WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE. */
  dispatchCountInPass: number;
  /** Data whose buffers pending commands use: disposing them defers the buffer's release to the submit. */
  commandQueueOwnedIds: WeakSet<object>;
  /** Buffers that go back to the pool at the submit (tfjs's own uniforms; ours too). */
  uniformPendingDisposal: GPUBuffer[];
}

/** Backends whose batching fields `batch` has found (they come with the tfjs version, so once per backend). */
const batching = new WeakSet<WebGPUBackend>();

function batch(backend: WebGPUBackend): Batch {
  const state = backend as unknown as Partial<Batch>;
  if (batching.has(backend)) return state as Batch;
  if (
    !(state.commandQueueOwnedIds instanceof WeakSet) ||
    !Array.isArray(state.uniformPendingDisposal) ||
    typeof state.dispatchCountInPass !== "number" ||
    !("commandEncoder" in state && "computePassEncoder" in state)
  ) {
    throw new Error("SE kernels: this tfjs-backend-webgpu does not batch commands as 4.22 does");
  }
  batching.add(backend);
  return state as Batch;
}

/**
 * Records `dispatches` in order into tfjs's pending compute pass (WebGPU makes each dispatch see the writes of the
 * previous ones, and tfjs's earlier ops come first), so they run in the command buffer tfjs submits next. The
 * `pooled` scratch and uniform buffers go back to the pool at that submit, as tfjs's own uniforms do. Inside
 * `timeKernels` each dispatch instead gets a timed pass of its own, submitted at once. If anything throws, the
 * `outputs` are disposed as well, so a failed call leaks nothing.
 */
export function run(
  backend: WebGPUBackend,
  dispatches: Dispatch[],
  pooled: GPUBuffer[],
  outputs: tf.Tensor[],
): void {
  let handedOver = false;
  try {
    const limit = backend.device.limits.maxComputeWorkgroupsPerDimension;
    for (const d of dispatches) {
      if (d.workgroups.some((n) => n > limit)) {
        throw new Error(
          `SE: ${d.label} needs ${d.workgroups.join(" × ")} workgroups; the device allows ${limit} per axis`,
        );
      }
    }
    backend.ensureCommandEncoderReady();
    if (timer !== null) {
      backend.endComputePassEncoder();
      backend.submitQueue();
      encodeTimed(backend.device, timer, dispatches);
      return;
    }
    const state = batch(backend);
    state.computePassEncoder ??= state.commandEncoder!.beginComputePass();
    for (const d of dispatches) encode(backend.device, state.computePassEncoder, d);
    state.uniformPendingDisposal.push(...pooled);
    handedOver = true;
    state.dispatchCountInPass += dispatches.length;
    if (state.dispatchCountInPass >= tf.env().getNumber("WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE")) {
      backend.endComputePassEncoder();
      backend.submitQueue();
    }
  } catch (error) {
    tf.dispose(outputs);
    throw error;
  } finally {
    // Safe after a timed submit too: whatever reuses them is submitted later, and the queue runs in order.
    if (!handedOver) for (const buffer of pooled) backend.bufferManager.releaseBuffer(buffer);
  }
}

// getBindGroupLayout makes a new object on every call (and a call into the browser or Dawn), once per dispatch.
const layouts = new WeakMap<GPUComputePipeline, GPUBindGroupLayout>();

function encode(device: GPUDevice, pass: GPUComputePassEncoder, d: Dispatch): void {
  pass.setPipeline(d.pipeline);
  let layout = layouts.get(d.pipeline);
  if (layout === undefined) layouts.set(d.pipeline, (layout = d.pipeline.getBindGroupLayout(0)));
  const entries = d.bindings.map((buffer, binding) => ({ binding, resource: { buffer } }));
  pass.setBindGroup(0, device.createBindGroup({ layout, entries }));
  pass.dispatchWorkgroups(...d.workgroups);
}

function encodeTimed(device: GPUDevice, current: Timer, dispatches: Dispatch[]): void {
  const encoder = device.createCommandEncoder();
  for (const d of dispatches) {
    const index = current.labels.length * 2;
    if (index + 2 > CAPACITY) throw new Error(`timeKernels: more than ${CAPACITY / 2} passes`);
    current.labels.push(d.label);
    const pass = encoder.beginComputePass({
      timestampWrites: {
        querySet: current.querySet,
        beginningOfPassWriteIndex: index,
        endOfPassWriteIndex: index + 1,
      },
    });
    encode(device, pass, d);
    pass.end();
  }
  device.queue.submit([encoder.finish()]);
}

/**
 * Runs `fn` and measures, with GPU timestamp queries, every dispatch the SE kernels submit inside it (each in its own
 * pass). Needs the `timestamp-query` feature, which tfjs requests when the adapter has it.
 */
export async function timeKernels(
  fn: () => void,
): Promise<{ ms: number; passes: { label: string; ms: number }[] }> {
  const backend = webgpuBackend();
  const device = backend.device;
  if (!device.features.has("timestamp-query"))
    throw new Error("timeKernels: the device has no timestamp-query");
  if (timer !== null) throw new Error("timeKernels: calls cannot nest");
  const current: Timer = {
    querySet: device.createQuerySet({ type: "timestamp", count: CAPACITY }),
    labels: [],
  };
  timer = current;
  try {
    fn();
  } finally {
    timer = null;
  }
  const bytes = CAPACITY * 8;
  const resolve = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
  });
  const read = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const encoder = device.createCommandEncoder();
  const count = current.labels.length * 2;
  if (count > 0) encoder.resolveQuerySet(current.querySet, 0, count, resolve, 0);
  encoder.copyBufferToBuffer(resolve, 0, read, 0, bytes);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const stamps = new BigUint64Array(read.getMappedRange().slice(0));
  read.unmap();
  for (const object of [read, resolve, current.querySet]) object.destroy();
  const passes = current.labels.map((label, i) => ({
    label,
    ms: Number(stamps[2 * i + 1] - stamps[2 * i]) / 1e6,
  }));
  return { ms: passes.reduce((sum, p) => sum + p.ms, 0), passes };
}
