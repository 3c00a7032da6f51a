// The shipped Fashion-MNIST test subset, fetched and parsed once per page for every chapter that shows its images.
import { FileAttachment } from "observablehq:stdlib";
import { parseFashionSubset, type FashionSubset } from "../lib/fashionSubset.js";

let subset: Promise<FashionSubset> | null = null;

export function loadFashionSubset(): Promise<FashionSubset> {
  if (!subset) {
    subset = Promise.all([
      FileAttachment("../data/fashion-test-subset.bin").arrayBuffer(),
      FileAttachment("../data/fashion-test-subset.json").json(),
    ]).then(([bin, meta]) => parseFashionSubset(new Uint8Array(bin), meta));
    subset.catch(() => (subset = null)); // a failed fetch is tried again next time, as installedDescriptors does
  }
  return subset;
}
