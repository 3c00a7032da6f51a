// Table 1 of the paper rendered from the definition: one row per stem / pool / stage / classifier with the
// output size, the residual block spec ([conv, 1×1, 64; conv, 3×3, 64; conv, 1×1, 256] ×3) and the SE FC
// output dimensions (fc, [16, 256]). Pure data; a component typesets it.
import { describe, type Architecture, type ConvSpec, type Size } from "./architecture.js";
import type { ModelConfig } from "./config.js";

export interface Table1Row {
  /** ResNet-paper layer name: conv1, conv2_x … (the paper's stage k is conv{k}_x); "" for the classifier. */
  stage: string;
  /** "112×112" … */
  outputSize: string;
  /** One line of text: the layer list, with the block repeat count for a stage. */
  layers: string;
  /** SE FC output dimensions "fc, [C/r, C]", or "" where the stage has no SE. */
  se: string;
  /** The bracketed items separately (conv specs, then the SE fc item), for typesetting as a column. */
  items: string[];
  /** Blocks in the stage (1 for the other rows). */
  repeat: number;
}

const size = (s: Size) => `${s[0]}×${s[1]}`;

function convText(c: ConvSpec, withStride: boolean): string {
  const k = `${c.kernel}×${c.kernel}`;
  const groups = c.groups > 1 ? `, C=${c.groups}` : "";
  const stride = withStride && c.stride > 1 ? `, stride ${c.stride}` : "";
  return `conv, ${k}, ${c.outChannels}${groups}${stride}`;
}

export function table1Rows(arch: Architecture): Table1Row[] {
  const stemOut = arch.stem[arch.stem.length - 1].outSize;
  const stemItems = arch.stem.map((c) => convText(c, true));
  const rows: Table1Row[] = [
    {
      stage: "conv1",
      outputSize: size(stemOut),
      layers: stemItems.join("; "),
      se: "",
      items: stemItems,
      repeat: 1,
    },
  ];
  if (arch.pool) {
    const p = arch.pool;
    const text = `max pool, ${p.kernel}×${p.kernel}, stride ${p.stride}`;
    rows.push({
      stage: `conv${arch.stages[0].paperStage}_x`,
      outputSize: size(p.outSize),
      layers: text,
      se: "",
      items: [text],
      repeat: 1,
    });
  }
  for (const stage of arch.stages) {
    // Blocks of a stage share one spec; only the first one's stride and input width differ, which the table omits.
    const first = stage.blocks[0];
    const convItems = first.convs.map((c) => convText(c, false));
    const se = first.se ? `fc, [${first.se.reduced}, ${first.se.channels}]` : "";
    const items = se ? [...convItems, se] : convItems;
    rows.push({
      stage: `conv${stage.paperStage}_x`,
      outputSize: size(first.outSize),
      layers: `[${items.join("; ")}] ×${stage.blocks.length}`,
      se,
      items,
      repeat: stage.blocks.length,
    });
  }
  const head = `global average pool, ${arch.fc.outFeatures}-d fc, softmax`;
  rows.push({ stage: "", outputSize: "1×1", layers: head, se: "", items: [head], repeat: 1 });
  return rows;
}

/** Table 1 rows of a config at its nominal input size. */
export function table1(config: ModelConfig): Table1Row[] {
  return table1Rows(describe(config));
}
