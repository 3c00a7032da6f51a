// Canonical host weights -> tfjs tensors (the map `load({config, weights})` takes).
import * as tf from "@tensorflow/tfjs-core";
import type { CanonicalTensor } from "./layout.js";

/** The caller owns the tensors (`tf.dispose(Object.values(map))` once the model has been built). */
export function toNamedTensorMap(weights: Map<string, CanonicalTensor>): tf.NamedTensorMap {
  const out: tf.NamedTensorMap = {};
  for (const [name, t] of weights) out[name] = tf.tensor(t.data, t.shape, "float32");
  return out;
}
