// The SE block shapes a reader can pick on the step-by-step chapter: the first SE block of each stage of
// SE-ResNet-50 (from its definition) plus a small one that is quick anywhere, and the ratios that divide C.
import { stageOf } from "./interventions.js";
import { describe, seModules } from "./models/architecture.js";
import { preset } from "./models/config.js";

export interface SeShapeChoice {
  label: string;
  /** [N, H, W, C] */
  shape: [number, number, number, number];
}

export interface SeResNet50Stage extends SeShapeChoice {
  /** Its hidden units C/r. */
  hidden: number;
}

/** The first SE block of each stage of SE-ResNet-50. */
export function seResNet50Stages(): SeResNet50Stage[] {
  const firstOfStage = new Map<string, SeResNet50Stage>();
  for (const se of seModules(describe(preset("se_resnet50")))) {
    const stage = stageOf(se.name);
    if (!firstOfStage.has(stage))
      firstOfStage.set(stage, {
        label: `SE-ResNet-50 stage ${stage}: ${se.size[0]}×${se.size[1]}×${se.channels}`,
        shape: [1, se.size[0], se.size[1], se.channels],
        hidden: se.reduced,
      });
  }
  return [...firstOfStage.values()];
}

export function seShapeChoices(): SeShapeChoice[] {
  return [{ label: "small: 8×8×32", shape: [1, 8, 8, 32] }, ...seResNet50Stages()];
}

/** Reduction ratios among 1, 2, 4, … 64 that divide C (r must divide C for C/r hidden units). */
export function ratiosFor(channels: number): number[] {
  return [1, 2, 4, 8, 16, 32, 64].filter((r) => channels % r === 0);
}
