// How alike two images look to each SE block: the cosine of the angle between their excitation vectors. Excitations
// are positive, so the cosine lies in [0, 1]; 1 means the block recalibrates both images' channels in the same
// proportions. The paper's observation that deeper blocks are class-specific predicts that it falls with depth for
// images of different classes.

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

/** Cosine similarity per block of two images' excitations, in the first image's block order. */
export function blockSimilarities(
  a: readonly { name: string; s: ArrayLike<number> }[],
  b: readonly { name: string; s: ArrayLike<number> }[],
): { block: string; cosine: number }[] {
  const byName = new Map(b.map((x) => [x.name, x.s]));
  return a.map(({ name, s }) => {
    const other = byName.get(name);
    if (!other) throw new Error(`the second image has no block ${name}`);
    return { block: name, cosine: cosineSimilarity(s, other) };
  });
}
