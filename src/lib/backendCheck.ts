// A small self-test of one tfjs backend: seeded random normals, a convolution checked against the cpu backend,
// and a read-back with data(). It is what the "Backends" chapter shows and what the browser tests assert.
import * as tf from "@tensorflow/tfjs-core";
import type { BackendName } from "./backend.js";
import { onBackend } from "./backendQueue.js";
import { mulberry32 } from "./random.js";

export interface BackendCheck {
  backend: BackendName;
  /** Largest |conv(backend) − conv(cpu)| over a 1×9×9×3 input and a 3×3×3×4 filter. */
  convMaxAbsDiff: number;
  randomNormalMean: number;
  randomNormalStd: number;
  /** Milliseconds for the conv and its read-back on this backend (includes shader compilation the first time). */
  convMs: number;
  ok: boolean;
  error?: string;
}

const CONV_TOLERANCE = 1e-5;

function seeded(n: number, seed: number): Float32Array {
  const next = mulberry32(seed);
  return Float32Array.from({ length: n }, () => next() * 2 - 1);
}

async function conv(): Promise<Float32Array> {
  const x = tf.tensor4d(seeded(9 * 9 * 3, 1), [1, 9, 9, 3]);
  const w = tf.tensor4d(seeded(3 * 3 * 3 * 4, 2), [3, 3, 3, 4]);
  const y = tf.conv2d(x, w, 1, "same"); // [1, 9, 9, 3] * [3, 3, 3, 4] -> [1, 9, 9, 4]
  const values = (await y.data()) as Float32Array;
  tf.dispose([x, w, y]);
  return values;
}

/** Runs the check on `name`, then restores the backend that was active before (see onBackend). */
export async function checkBackend(name: BackendName): Promise<BackendCheck> {
  try {
    const reference = await onBackend("cpu", conv);
    return await onBackend(name, async () => {
      const start = performance.now();
      const values = await conv();
      const convMs = performance.now() - start;
      let convMaxAbsDiff = 0;
      for (let i = 0; i < values.length; i++) {
        convMaxAbsDiff = Math.max(convMaxAbsDiff, Math.abs(values[i] - reference[i]));
      }
      const normal = tf.randomNormal([4096], 0, 1, "float32", 42);
      const { mean, variance } = tf.moments(normal);
      const [m, v] = [(await mean.data())[0], (await variance.data())[0]];
      tf.dispose([normal, mean, variance]);
      const std = Math.sqrt(v);
      const ok = convMaxAbsDiff <= CONV_TOLERANCE && Math.abs(m) < 0.1 && Math.abs(std - 1) < 0.1;
      return { backend: name, convMaxAbsDiff, randomNormalMean: m, randomNormalStd: std, convMs, ok };
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      backend: name,
      convMaxAbsDiff: NaN,
      randomNormalMean: NaN,
      randomNormalStd: NaN,
      convMs: NaN,
      ok: false,
      error: message,
    };
  }
}

/** Checks every backend in turn (sequentially: they share one tfjs engine). */
export async function checkAllBackends(names: readonly BackendName[]): Promise<BackendCheck[]> {
  const checks: BackendCheck[] = [];
  for (const name of names) checks.push(await checkBackend(name));
  return checks;
}
