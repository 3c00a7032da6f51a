// The paper's three observations on its Figure 8 (Section 6.3), checked on any model's excitation profiles: early
// blocks are nearly class-agnostic, deeper ones class-specific, and the last ones saturate. Class-specificity is
// measured by the class spread (how far the class means sit from the overall mean), not by η², which a block that
// excites every image almost alike can top.
import type { BlockProfile } from "./excitationProfiles.js";
import { parseStage } from "./interventions.js";

/** Class means closer than this (in units of excitation) count as the same: the block treats every class alike. */
export const FLAT_RANGE = 0.01;

/** A share of excitations below 0.1 or above 0.9 from which a block counts as saturated ("most near 1, the rest 0"). */
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
  last: BlockProfile;
  /** The block with the largest class spread. */
  mostSpecific: BlockProfile;
  stages: StageSpread[];
  /** Each stage's largest spread is at least the previous stage's, and the last stage's is above the first's. */
  growsWithDepth: boolean;
  /** Blocks whose class means differ by less than FLAT_RANGE on every channel. */
  flat: BlockProfile[];
  /** Share of excitations below 0.1 or above 0.9. */
  firstSaturation: number;
  lastSaturation: number;
  lastSaturated: boolean;
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
  const last = blocks.at(-1)!;
  return {
    first,
    last,
    mostSpecific: blocks.reduce((a, b) => (b.classSpread > a.classSpread ? b : a)),
    stages,
    growsWithDepth:
      spreads.length > 1 &&
      spreads.every((v, i) => i === 0 || v >= spreads[i - 1]) &&
      spreads.at(-1)! > spreads[0],
    flat: blocks.filter((b) => b.classRange < FLAT_RANGE),
    firstSaturation: saturation(first),
    lastSaturation: saturation(last),
    lastSaturated: saturation(last) > SATURATED_SHARE,
  };
}
