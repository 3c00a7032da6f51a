// One sentence saying how far the WGSL kernels and the tfjs reference disagree, by the measure and bound the kernel
// tests use (data-kernel-difference for tests).
import { KERNEL_TOLERANCE, withinTolerance, type Difference } from "../lib/kernels/parity.js";

const superscript = (n: number) =>
  [...String(n)].map((d) => (d === "-" ? "⁻" : "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(d)])).join("");

/** 1e-5 as "10⁻⁵" (KERNEL_TOLERANCE is a power of ten). */
const TOLERANCE = `10${superscript(Math.log10(KERNEL_TOLERANCE))}`;

export function agreement(difference: Difference): HTMLParagraphElement {
  const p = document.createElement("p");
  p.dataset.kernelDifference = String(difference.scaled);
  const value = document.createElement("b");
  value.textContent = difference.scaled.toExponential(2);
  p.append(
    "Largest difference between the WGSL kernels (separate and fused) and the reference over z, s and X̃, as ",
    "|kernel − reference| / max(1, |reference|) (absolute for values up to 1, relative above): ",
    value,
    withinTolerance(difference)
      ? ` (float32 rounding; the tests require at most ${TOLERANCE} by this measure).`
      : `, more than the ${TOLERANCE} the tests allow: the kernels disagree with the reference here.`,
  );
  return p;
}
