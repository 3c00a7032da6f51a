// Shape checks shared by the SE kernels, so bad input fails with a message naming the argument.
import type * as tf from "@tensorflow/tfjs-core";

/** [N, H, W, C] of an NHWC feature map, each at least 1. */
export function featureMapShape(t: tf.Tensor, name: string): [number, number, number, number] {
  if (t.rank !== 4 || t.shape.some((d) => d < 1)) {
    throw new Error(
      `SE: ${name} must be an NHWC feature map [N, H, W, C] with every size ≥ 1, got [${t.shape.join(", ")}]`,
    );
  }
  return t.shape as [number, number, number, number];
}

/** Throws unless `t` has exactly `want` as its shape. */
export function expectShape(t: tf.Tensor, want: number[], name: string, meaning: string): void {
  if (t.rank !== want.length || t.shape.some((d, i) => d !== want[i])) {
    throw new Error(`SE: ${name} must be ${meaning} = [${want.join(", ")}], got [${t.shape.join(", ")}]`);
  }
}
