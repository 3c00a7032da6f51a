// Statistics of excitations across classes (the paper's Figure 8 and Section 6.3): per-class mean excitation
// profiles of a block, how class-specific they are, and how saturated the excitations are.

/**
 * `count` channel indices spread evenly over [0, channels), the first and last included (all channels when there
 * are fewer; channel 0 alone when count is 1, which has no spacing).
 */
export function evenlySpacedChannels(channels: number, count = 50): number[] {
  if (!(Number.isInteger(channels) && channels >= 1))
    throw new Error(`channels must be a positive integer, got ${channels}`);
  if (!(Number.isInteger(count) && count >= 1))
    throw new Error(`count of channels to pick must be a positive integer, got ${count}`);
  if (channels <= count) return Array.from({ length: channels }, (_, i) => i);
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, i) => Math.round((i * (channels - 1)) / (count - 1)));
}

export interface BlockExcitationStats {
  /** Mean excitation per class and channel: [K][C]. */
  classMeans: number[][];
  /** Images per class. */
  classCounts: number[];
  /** Mean over all images: [C]. */
  overallMean: number[];
  /**
   * Share of the variance of s across images that the class explains (between-class sum of squares over total,
   * η²): 0 when every class has the same mean profile (class-agnostic), 1 when the class determines s. It ignores
   * how large that variance is: a block that gives every image almost the same s can still score high.
   */
  classSpecificity: number;
  /**
   * How far the class means sit from the mean over all images, in units of excitation: the root mean square of
   * classMeans − overallMean over images (each image counts its class) and channels. 0 when class-agnostic.
   */
  classSpread: number;
  /** The largest gap between two classes' mean excitation of one channel. */
  classRange: number;
  /** Fraction of all excitation values below 0.1 and above 0.9. */
  nearZero: number;
  nearOne: number;
}

/**
 * `s[i]` is the excitation vector [C] of image i and `labels[i]` its class in [0, numClasses).
 */
export function blockExcitationStats(
  s: readonly ArrayLike<number>[],
  labels: readonly number[],
  numClasses: number,
): BlockExcitationStats {
  if (s.length === 0) throw new Error("no images");
  if (s.length !== labels.length)
    throw new Error(`${s.length} excitation vectors but ${labels.length} labels`);
  const c = s[0].length;
  const sums = Array.from({ length: numClasses }, () => new Float64Array(c));
  const counts = new Array<number>(numClasses).fill(0);
  const total = new Float64Array(c);
  let nearZero = 0;
  let nearOne = 0;
  s.forEach((v, i) => {
    const k = labels[i];
    if (!Number.isInteger(k) || k < 0 || k >= numClasses)
      throw new Error(`label ${k} of image ${i} is out of range`);
    if (v.length !== c) throw new Error(`image ${i} has ${v.length} channels, expected ${c}`);
    counts[k]++;
    for (let j = 0; j < c; j++) {
      sums[k][j] += v[j];
      total[j] += v[j];
      if (v[j] < 0.1) nearZero++;
      else if (v[j] > 0.9) nearOne++;
    }
  });
  const overallMean = Array.from(total, (t) => t / s.length);
  const classMeans = sums.map((row, k) => Array.from(row, (t) => (counts[k] ? t / counts[k] : NaN)));
  let between = 0;
  classMeans.forEach((row, k) => {
    if (counts[k]) for (let j = 0; j < c; j++) between += counts[k] * (row[j] - overallMean[j]) ** 2;
  });
  let totalSS = 0;
  for (const v of s) for (let j = 0; j < c; j++) totalSS += (v[j] - overallMean[j]) ** 2;
  const present = classMeans.filter((_, k) => counts[k] > 0);
  let classRange = 0;
  for (let j = 0; j < c; j++) {
    const column = present.map((row) => row[j]);
    classRange = Math.max(classRange, Math.max(...column) - Math.min(...column));
  }
  return {
    classMeans,
    classCounts: counts,
    overallMean,
    classSpecificity: totalSS > 0 ? between / totalSS : 0,
    classSpread: Math.sqrt(between / (s.length * c)),
    classRange,
    nearZero: nearZero / (s.length * c),
    nearOne: nearOne / (s.length * c),
  };
}
