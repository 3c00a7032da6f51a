// The shipped Fashion-MNIST test subset (data/fashion/test-subset.{bin,json}: 50 test images per class, in
// test order), parsed from its bytes. Pure: Node and the browser pass the bytes.

export interface FashionSubset {
  /** One 28×28 uint8 image per entry, row-major. */
  images: Uint8Array[];
  labels: number[];
  /** Index of each image in the full 10,000-image test set. */
  indices: number[];
  classNames: string[];
}

export function parseFashionSubset(bin: Uint8Array, meta: unknown): FashionSubset {
  const m = meta as {
    count?: unknown;
    imageShape?: unknown;
    labels?: unknown;
    indices?: unknown;
    classNames?: unknown;
  };
  const count = m.count;
  if (
    typeof count !== "number" ||
    !Array.isArray(m.labels) ||
    !Array.isArray(m.indices) ||
    !Array.isArray(m.classNames)
  )
    throw new Error("test-subset.json needs count, labels, indices and classNames");
  const [h, w] = Array.isArray(m.imageShape) ? (m.imageShape as number[]) : [];
  if (h !== 28 || w !== 28)
    throw new Error(`test-subset.json: expected 28×28 images, got ${JSON.stringify(m.imageShape)}`);
  if (bin.length !== count * 784)
    throw new Error(`test-subset.bin has ${bin.length} bytes; ${count} images of 28×28 need ${count * 784}`);
  if (m.labels.length !== count || m.indices.length !== count)
    throw new Error(
      `test-subset.json: ${count} images but ${m.labels.length} labels and ${m.indices.length} indices`,
    );
  return {
    images: Array.from({ length: count }, (_, i) => bin.subarray(i * 784, (i + 1) * 784)),
    labels: m.labels as number[],
    indices: m.indices as number[],
    classNames: m.classNames as string[],
  };
}

/** The first image of each class, in class order (the chapters' one-per-class pickers). */
export function firstOfEachClass(subset: FashionSubset): { name: string; index: number }[] {
  return subset.classNames.flatMap((name, k) => {
    const index = subset.labels.indexOf(k);
    return index < 0 ? [] : [{ name, index }];
  });
}
