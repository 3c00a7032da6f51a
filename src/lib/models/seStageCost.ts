// Where an SE network's extra parameters sit: per stage, the paper's 2·N_s·C_s²/r (Section 4) and the exact count
// with the FC biases, from the architecture definition.
import { describe } from "./architecture.js";
import type { ModelConfig } from "./config.js";

export interface SEStageCost {
  /** The paper's stage number (2 for layer1). */
  stage: number;
  /** Blocks with SE in the stage (N_s). */
  blocks: number;
  /** Output channels of the stage (C_s). */
  channels: number;
  /** 2·N_s·C_s²/r. */
  formula: number;
  /** FC weights and biases of all the stage's SE modules. */
  exact: number;
}

export function seStageCosts(config: ModelConfig): SEStageCost[] {
  const arch = describe(config);
  const r = arch.config.se?.r;
  if (!r) return [];
  return arch.stages.map((stage) => {
    const modules = stage.blocks.flatMap((b) => (b.se ? [b.se] : []));
    const channels = stage.blocks[stage.blocks.length - 1].outChannels;
    return {
      stage: stage.paperStage,
      blocks: modules.length,
      channels,
      formula: (2 * modules.length * channels * channels) / r,
      exact: modules.reduce((a, m) => a + 2 * m.channels * m.reduced + m.reduced + m.channels, 0),
    };
  });
}
