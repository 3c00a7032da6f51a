// The data behind the redrawn Figure 1 of the paper: the tensors of one SE block and the operators between them.
// Shapes are symbolic by default (as in the paper) or concrete for a given block.

export type TensorId = "X" | "U" | "z" | "s" | "Xt";

export interface FigureTensor {
  id: TensorId;
  /** TeX name of the tensor. */
  name: string;
  /** Shape as text (H × W × C), symbolic or concrete. */
  shape: string;
  /** Drawing proportions in [0, 1]: spatial extent (1 for full maps, 0 for vectors) and depth. */
  spatial: number;
  /** Whether the drawing colours channels by their excitation (s and X̃ carry the recalibration). */
  recalibrated: boolean;
}

export interface FigureStep {
  from: TensorId;
  to: TensorId;
  /** TeX of the operator as the paper writes it. */
  op: string;
  /** The same operator for SVG text: F, a subscript and the arguments. */
  label: { sub: string; args: string };
  /** Plain-text description for the text alternative. */
  description: string;
}

export interface BlockShape {
  h: number;
  w: number;
  c: number;
  r: number;
  /** Input size of F_tr, when it differs (H′ × W′ × C′). */
  input?: { h: number; w: number; c: number };
}

function dims(h: number | string, w: number | string, c: number | string): string {
  return `${h} × ${w} × ${c}`;
}

/** Tensors and steps of Figure 1; with `block`, shapes are that block's, otherwise the paper's symbols. */
export function figure1(block?: BlockShape): { tensors: FigureTensor[]; steps: FigureStep[] } {
  const input = block?.input ?? block;
  const x = input ? dims(input.h, input.w, input.c) : "H′ × W′ × C′";
  const u = block ? dims(block.h, block.w, block.c) : "H × W × C";
  const v = block ? dims(1, 1, block.c) : "1 × 1 × C";
  const hidden = block ? `${block.c / block.r}` : "C/r";
  return {
    tensors: [
      { id: "X", name: "\\mathbf{X}", shape: x, spatial: 1, recalibrated: false },
      { id: "U", name: "\\mathbf{U}", shape: u, spatial: 1, recalibrated: false },
      { id: "z", name: "\\mathbf{z}", shape: v, spatial: 0, recalibrated: false },
      { id: "s", name: "\\mathbf{s}", shape: v, spatial: 0, recalibrated: true },
      { id: "Xt", name: "\\widetilde{\\mathbf{X}}", shape: u, spatial: 1, recalibrated: true },
    ],
    steps: [
      {
        from: "X",
        to: "U",
        op: "F_{tr}",
        label: { sub: "tr", args: "" },
        description: "a transformation such as a residual branch",
      },
      {
        from: "U",
        to: "z",
        op: "F_{sq}(\\cdot)",
        label: { sub: "sq", args: "(·)" },
        description: "squeeze: global average pooling of each channel of U gives one number per channel",
      },
      {
        from: "z",
        to: "s",
        op: "F_{ex}(\\cdot, \\mathbf{W})",
        label: { sub: "ex", args: "(·, W)" },
        description: `excitation: FC (C → ${hidden}), ReLU, FC (${hidden} → C), sigmoid gives one weight in (0, 1) per channel`,
      },
      {
        from: "s",
        to: "Xt",
        op: "F_{scale}(\\cdot, \\cdot)",
        label: { sub: "scale", args: "(·, ·)" },
        description: "scale: each channel of U is multiplied by its weight",
      },
    ],
  };
}
