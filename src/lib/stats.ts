// Small summary statistics used by the recorded-results chapters.

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error("mean of no values");
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n − 1); 0 for a single value, since one run says nothing about spread. */
export function sampleStd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

/** Median (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Linear-interpolated quantile q ∈ [0, 1] of the values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error("quantile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}

/**
 * A distribution-free confidence interval for the median: the order statistics x₍ₖ₎ and x₍ₙ₊₁₋ₖ₎ with the largest k
 * such that P(B < k) ≤ (1 − level)/2 for B ~ Binomial(n, ½), the number of values below the true median. It assumes
 * only independent values (no normality, which per-round timings on a busy host lack) and covers the median with
 * probability at least `level`. Null when no k qualifies (below 6 values at 95 %): even the whole range of 5 values
 * covers the median only with probability 1 − 2·2⁻⁵ ≈ 94 %, so no interval from them can claim `level`.
 */
export function medianInterval(values: readonly number[], level = 0.95): [number, number] | null {
  const n = values.length;
  if (n === 0) throw new Error("median interval of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  // Largest k with P(B ≤ k − 1) ≤ tail, summing P(B = j) in log space (C(n, 0)·2⁻ⁿ underflows for n > 1074).
  let k = 0;
  let logTerm = -n * Math.LN2; // log P(B = 0)
  let cdf = 0;
  for (let j = 0; j < n >> 1; j++) {
    cdf += Math.exp(logTerm); // P(B ≤ j)
    if (cdf > tail) break;
    k = j + 1;
    logTerm += Math.log(n - j) - Math.log(j + 1); // log P(B = j + 1)
  }
  return k === 0 ? null : [sorted[k - 1], sorted[n - k]];
}
