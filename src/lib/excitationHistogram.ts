// The saturation view: how one image's excitations of a block spread over [0, 1] — a histogram with equal bins,
// and the shares below 0.1 and above 0.9 (the same thresholds as excitationStats), where a saturated block like the
// paper's SE_5_2 puts nearly everything.
import { median } from "./stats.js";

export interface ExcitationHistogram {
  /** Bin i counts values in [i / bins, (i + 1) / bins); the last bin includes 1. */
  counts: number[];
  nearZero: number;
  nearOne: number;
  median: number;
}

export function excitationHistogram(s: ArrayLike<number>, bins = 20): ExcitationHistogram {
  if (s.length === 0) throw new Error("no excitations");
  if (!(Number.isInteger(bins) && bins > 0)) throw new Error(`bins must be a positive integer, got ${bins}`);
  const counts = new Array<number>(bins).fill(0);
  let nearZero = 0;
  let nearOne = 0;
  for (let i = 0; i < s.length; i++) {
    const v = s[i];
    if (!(v >= 0 && v <= 1)) throw new Error(`excitation ${i} is ${v}, outside [0, 1]`);
    counts[Math.min(bins - 1, Math.floor(v * bins))]++;
    if (v < 0.1) nearZero++;
    else if (v > 0.9) nearOne++;
  }
  return {
    counts,
    nearZero: nearZero / s.length,
    nearOne: nearOne / s.length,
    median: median(Array.from(s)),
  };
}
