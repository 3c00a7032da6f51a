// The paper's three observations on its Figure 8 (Section 6.3), checked on any model's excitation profiles: early
// blocks are nearly class-agnostic, deeper ones class-specific, and a block of the last stage saturates (the
// paper's SE_5_2: most excitations near 1, the rest near 0). Class-specificity is measured by the class spread (how
// far the class means sit from the overall mean), not by η², which a block that excites every image almost alike
// can top.
import type { BlockProfile } from "./excitationProfiles.js";
import { parseStage } from "./interventions.js";

/** Class means closer than this (in units of excitation) count as the same: the block treats every class alike. */
export const FLAT_RANGE = 0.01;

/**
 * A share of excitations below 0.1 or above 0.9 from which a block counts as saturated, provided more of them sit
 * near 1 than near 0 ("most near 1, the rest near 0").
 */
export const SATURATED_SHARE = 0.5;

export interface StageSpread {
  /** The stage as the block names give it (SE_<stage>_<block>), or the block's name where they do not. */
  stage: string;
  /** How prose names it: "stage 4", or the block's name. */
  label: string;
  blocks: string[];
  /** The largest class spread among the stage's blocks. */
  largestSpread: number;
}

export interface ExcitationObservations {
  first: BlockProfile;
  /** The block with the largest class spread. */
  mostSpecific: BlockProfile;
  stages: StageSpread[];
  /** Each stage's largest spread is at least the previous stage's, and the last stage's is above the first's. */
  growsWithDepth: boolean;
  /** Blocks whose class means differ by less than FLAT_RANGE on every channel. */
  flat: BlockProfile[];
  /** The last stage's block with the largest share of excitations below 0.1 or above 0.9 (the paper's SE_5_2). */
  mostSaturated: BlockProfile;
  /** Share of excitations below 0.1 or above 0.9. */
  firstSaturation: number;
  mostSaturatedShare: number;
  /** mostSaturated's share exceeds SATURATED_SHARE, more of it near 1 than near 0. */
  saturates: boolean;
}

const saturation = (b: BlockProfile) => b.nearZero + b.nearOne;

/** The observations for `blocks`, in network order. */
export function excitationObservations(blocks: readonly BlockProfile[]): ExcitationObservations {
  if (blocks.length === 0) throw new Error("no SE blocks to check");
  const stages: StageSpread[] = [];
  for (const b of blocks) {
    const parsed = parseStage(b.name);
    const stage = parsed ?? b.name;
    const current = stages.at(-1);
    if (current?.stage === stage) {
      current.blocks.push(b.name);
      current.largestSpread = Math.max(current.largestSpread, b.classSpread);
    } else {
      const label = parsed === null ? b.name : `stage ${parsed}`;
      stages.push({ stage, label, blocks: [b.name], largestSpread: b.classSpread });
    }
  }
  const spreads = stages.map((s) => s.largestSpread);
  const first = blocks[0];
  const lastStage = blocks.filter((b) => stages.at(-1)!.blocks.includes(b.name));
  const mostSaturated = lastStage.reduce((a, b) => (saturation(b) > saturation(a) ? b : a));
  return {
    first,
    mostSpecific: blocks.reduce((a, b) => (b.classSpread > a.classSpread ? b : a)),
    stages,
    growsWithDepth:
      spreads.length > 1 &&
      spreads.every((v, i) => i === 0 || v >= spreads[i - 1]) &&
      spreads.at(-1)! > spreads[0],
    flat: blocks.filter((b) => b.classRange < FLAT_RANGE),
    mostSaturated,
    firstSaturation: saturation(first),
    mostSaturatedShare: saturation(mostSaturated),
    saturates: saturation(mostSaturated) > SATURATED_SHARE && mostSaturated.nearOne > mostSaturated.nearZero,
  };
}
