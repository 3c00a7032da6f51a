// Seeded random weights must stay the same numbers: tests compare models built from them and benchmark records name
// them (randomWeights(config, 1)). The hashes were taken before randomWeights reused random.ts's normalArray.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { randomWeights } from "../../../src/lib/models/randomWeights.js";
import type { ModelConfig } from "../../../src/lib/models/config.js";
import { FASHION_F8, TINY_BOTTLENECK } from "../../helpers/configs.js";

/** FNV-1a over every weight's float32 bytes, in the map's order. */
function weightHash(config: ModelConfig, seed: number): string {
  const weights = randomWeights(config, seed);
  try {
    let h = 0x811c9dc5;
    for (const t of Object.values(weights)) {
      const bytes = new Uint8Array((t.dataSync() as Float32Array).buffer);
      for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
    }
    return h.toString(16);
  } finally {
    tf.dispose(Object.values(weights));
  }
}

test("seeded random weights are unchanged", async () => {
  await tf.setBackend("cpu");
  assert.equal(weightHash(FASHION_F8, 1), "a48de57c");
  assert.equal(weightHash(TINY_BOTTLENECK, 3), "a8582719");
});
