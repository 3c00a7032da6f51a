// How alike two images look to each SE block: how far apart their excitations are, channel by channel (the mean of
// |s_a − s_b|, in units of excitation), and the cosine of the angle between the two vectors (1: the block scales
// both images' channels in the same proportions). Excitations are positive and mostly sit near 0.5, so the cosine
// of any two stays close to 1 and hides differences the mean difference shows. The paper's observation that deeper
// blocks are class-specific predicts that, for images of different classes, the difference grows with depth.

export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`vectors of ${a.length} and ${b.length} values`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  if (na === 0 || nb === 0) throw new Error("the cosine of a zero vector is undefined");
  return dot / Math.sqrt(na * nb);
}

/** The mean over channels of |a − b|. */
export function meanAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`vectors of ${a.length} and ${b.length} values`);
  if (a.length === 0) throw new Error("no values to compare");
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

export interface BlockSimilarity {
  block: string;
  /** Mean |s_a − s_b| over the block's channels. */
  difference: number;
  cosine: number;
}

/** Both measures per block for two images' excitations, in the first image's block order. */
export function blockSimilarities(
  a: readonly { name: string; s: ArrayLike<number> }[],
  b: readonly { name: string; s: ArrayLike<number> }[],
): BlockSimilarity[] {
  const byName = new Map(b.map((x) => [x.name, x.s]));
  return a.map(({ name, s }) => {
    const other = byName.get(name);
    if (!other) throw new Error(`the second image has no block ${name}`);
    return { block: name, difference: meanAbsDifference(s, other), cosine: cosineSimilarity(s, other) };
  });
}
