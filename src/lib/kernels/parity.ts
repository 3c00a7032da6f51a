// How closely the WGSL kernels must match their tfjs reference twin: the measure and bound the browser tests hold
// them to, and the SE block chapter reports.

/** Largest accepted |kernel − reference| / max(1, |reference|): absolute for values up to 1, relative above. */
export const KERNEL_TOLERANCE = 1e-5;

/** Worst difference of one output; `scaled` is the tolerance measure above. */
export interface Difference {
  maxAbs: number;
  scaled: number;
}

/** The worst difference of `actual` from `expected`; a NaN anywhere makes both measures NaN. */
export function difference(actual: ArrayLike<number>, expected: ArrayLike<number>): Difference {
  if (actual.length !== expected.length)
    throw new Error(`cannot compare ${actual.length} values with ${expected.length}`);
  let maxAbs = 0;
  let scaled = 0;
  for (let i = 0; i < actual.length; i++) {
    const abs = Math.abs(actual[i] - expected[i]);
    if (abs > maxAbs || Number.isNaN(abs)) maxAbs = abs; // a NaN sticks: no number is greater
    const relative = abs / Math.max(1, Math.abs(expected[i]));
    if (relative > scaled || Number.isNaN(relative)) scaled = relative;
  }
  return { maxAbs, scaled };
}

/** The worst of several differences (e.g. over z, s and X̃). */
export function worst(differences: readonly Difference[]): Difference {
  const pick = (a: number, b: number) => (a >= b || Number.isNaN(a) ? a : b);
  return differences.reduce(
    (w, d) => ({ maxAbs: pick(w.maxAbs, d.maxAbs), scaled: pick(w.scaled, d.scaled) }),
    {
      maxAbs: 0,
      scaled: 0,
    },
  );
}

/** Whether a difference is within KERNEL_TOLERANCE (a NaN never is). */
export function withinTolerance(d: Difference): boolean {
  return d.scaled <= KERNEL_TOLERANCE;
}
