// Class label sets a model descriptor can name.
import { FASHION_MNIST_CLASSES } from "./fashionMnist.js";
import { IMAGENET1K_TSV } from "./imagenet1k.js";

export type LabelSet = "imagenet1k" | "fashion-mnist";
export const LABEL_SETS: readonly LabelSet[] = ["imagenet1k", "fashion-mnist"];

export interface ImageNetClass {
  index: number;
  wnid: string;
  /** Short name (pytorch/hub), e.g. "plane". */
  name: string;
  /** WordNet lemmas, e.g. "plane, carpenter's plane, woodworking plane". */
  lemmas: string;
}

let imagenet: ImageNetClass[] | undefined;

export function imagenetClasses(): ImageNetClass[] {
  imagenet ??= IMAGENET1K_TSV.trim()
    .split("\n")
    .map((line, index) => {
      const [wnid, name, lemmas] = line.split("\t");
      return { index, wnid, name, lemmas };
    });
  return imagenet;
}

/** Display names by class index. */
export function labelNames(set: LabelSet): string[] {
  return set === "imagenet1k" ? imagenetClasses().map((c) => c.name) : [...FASHION_MNIST_CLASSES];
}

/** Number of classes of a label set. */
export function labelCount(set: LabelSet): number {
  return set === "imagenet1k" ? 1000 : FASHION_MNIST_CLASSES.length;
}
