// The SE block as WebGPU kernels that share tfjs-backend-webgpu's GPUDevice, plus their plain-tfjs reference twin.
//
//   import * as tf from "@tensorflow/tfjs-core";
//   import "@tensorflow/tfjs-backend-webgpu";
//   import { squeeze, excitation, scale, seBlock } from "../lib/kernels/index.js";
//   await tf.setBackend("webgpu");
//   const z = squeeze(u);                                      // [N, H, W, C] -> [N, C]
//   const s = excitation(z, weights);                          // [N, C] -> [N, C], weights: SeWeights
//   const x = scale(u, s);                                     // [N, H, W, C]
//   const y = seBlock(u, weights, { residual: identity, relu: true }); // fused, 2 passes
//
// Every function takes and returns ordinary tfjs float32 tensors (no copies: kernels bind the tensors' own GPU
// buffers), works inside tf.tidy, and throws a specific Error for bad shapes, an r that does not divide C, or a
// backend other than "webgpu". The reference* functions do the same with tfjs ops on any backend.
export { squeeze, squeezeSource } from "./squeeze.js";
export { excitation, excitationSource } from "./excitation.js";
export { scale, scaleSource } from "./scale.js";
export { seBlock, seBlockSources, type SeBlockOptions } from "./se-block.js";
export { referenceSqueeze, referenceExcitation, referenceScale, referenceSeBlock } from "./reference.js";
export { hiddenUnits, seShape, type SeWeights } from "./weights.js";
export { syntheticSeData, seTensors, type SeData } from "./synthetic.js";
export { timeKernels } from "./gpu.js";
