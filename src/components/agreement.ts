// One sentence saying how far the WGSL kernels and the tfjs reference disagree (data-max-abs-diff for tests).
import type { SeSteps } from "../lib/seSteps.js";

export function agreement(steps: SeSteps): HTMLParagraphElement {
  const p = document.createElement("p");
  p.dataset.maxAbsDiff = String(steps.maxAbsDiff);
  const value = document.createElement("b");
  value.textContent = steps.maxAbsDiff.toExponential(2);
  const what =
    steps.gpuBackend === "webgpu"
      ? "the WGSL kernels (separate and fused)"
      : "the two paths (both on the CPU here)";
  p.append(
    `Largest difference between ${what} and the reference over z, s and X̃: `,
    value,
    " (float32 rounding; the tests require ≤ 10⁻⁵).",
  );
  return p;
}
