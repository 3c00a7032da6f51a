// The same image through two models with the same classes (SE-ResNet-50 beside ResNet-50), each as it is and, where
// it has SE blocks, with every block switched off (s = 1). Switching SE off does not turn SE-ResNet-50 into a
// ResNet-50: the rest of its weights were trained with the excitations in place, so the runs separate what the
// excitations do for this image from what training with SE did to the whole network.
import { readout, topK } from "./inspection.js";
import type { ResNetModel } from "./models/resnet.js";
import { percent } from "./format.js";

export interface ComparedRun {
  model: string;
  /** Every SE block switched off for this run. */
  seOff: boolean;
  probabilities: ArrayLike<number>;
}

export interface ComparisonRow {
  label: string;
  model: string;
  seOff: boolean;
  top1: number;
  top1Probability: number;
  /** Probability this run gives the first run's top-1 class. */
  referenceProbability: number;
  /** Classes this run's top-5 shares with the first run's top-5. */
  sharedTop5: number;
}

/** A model with the image prepared for it (each model has its own preprocessing). */
export interface ModelInput {
  name: string;
  model: ResNetModel;
  /** The normalised image, [H × W × C] in HWC order. */
  x: Float32Array;
  /** The model's probabilities for `x` where already computed: that run is not repeated. */
  probabilities?: ArrayLike<number>;
}

/** Runs the image through both models, and through each again with every SE block off where it has SE. */
export async function sideBySideRuns(main: ModelInput, partner: ModelInput): Promise<ComparedRun[]> {
  const runs: ComparedRun[] = [];
  for (const { name, model, x, probabilities } of [main, partner]) {
    runs.push({
      model: name,
      seOff: false,
      probabilities: probabilities ?? (await readout(model, x)).probabilities,
    });
    if (model.seBlocks.length)
      runs.push({
        model: name,
        seOff: true,
        probabilities: (await readout(model, x, { seOff: true })).probabilities,
      });
  }
  return runs;
}

export function runLabel(run: Pick<ComparedRun, "model" | "seOff">): string {
  return run.seOff ? `${run.model}, every SE block off` : run.model;
}

/** One row per run, measured against the first run. */
export function comparisonRows(runs: readonly ComparedRun[]): ComparisonRow[] {
  if (runs.length < 2) throw new Error(`a comparison needs two runs or more, got ${runs.length}`);
  const classes = runs[0].probabilities.length;
  for (const r of runs)
    if (r.probabilities.length !== classes)
      throw new Error(
        `${runLabel(r)} has ${r.probabilities.length} classes and ${runLabel(runs[0])} ${classes}: only models with the same classes can be compared`,
      );
  const reference = topK(runs[0].probabilities, 5);
  const referenceSet = new Set(reference.map((t) => t.index));
  return runs.map((run) => {
    const top = topK(run.probabilities, 5);
    return {
      label: runLabel(run),
      model: run.model,
      seOff: run.seOff,
      top1: top[0].index,
      top1Probability: top[0].probability,
      referenceProbability: run.probabilities[reference[0].index],
      sharedTop5: top.filter((t) => referenceSet.has(t.index)).length,
    };
  });
}

/** The rows in a sentence: which runs agree with the first on the most probable class. */
export function comparisonSentence(rows: readonly ComparisonRow[], className: (k: number) => string): string {
  const [first, ...rest] = rows;
  const parts = rest.map((r) =>
    r.top1 === first.top1
      ? `${r.label} agrees (${percent(r.top1Probability)})`
      : `${r.label} says ${className(r.top1)} (${percent(r.top1Probability)}; ${percent(r.referenceProbability)} for ${className(first.top1)})`,
  );
  return `${first.label} says ${className(first.top1)} (${percent(first.top1Probability)}); ${parts.join("; ")}.`;
}

/** The partner to show first: a model that differs from `main` in having SE blocks, if any is installed. */
export function defaultPartner(
  main: { name: string; hasSE: boolean },
  candidates: readonly { name: string; hasSE: boolean }[],
): string | undefined {
  const others = candidates.filter((c) => c.name !== main.name);
  return (others.find((c) => c.hasSE !== main.hasSE) ?? others[0])?.name;
}
