// Table 2's complexity columns recomputed from our definitions, next to the paper's numbers, for both places a
// ResNet can put the stride of a downsampling bottleneck.
import { complexity } from "./complexity.js";
import { PAPER_TABLE2_GFLOPS, preset } from "./config.js";

export interface Table2Row {
  model: string;
  preset: string;
  se: boolean;
  params: number;
  /** Conv + FC multiply-adds, in billions (the paper's "GFLOPs"). */
  gmacs: number;
  paperGflops: number;
  /** (ours − paper) / paper. */
  relativeDifference: number;
}

export function table2Rows(): Table2Row[] {
  return PAPER_TABLE2_GFLOPS.flatMap(({ model, plain, se, gflops }) =>
    [plain, se].map((name, i) => {
      const k = complexity(preset(name));
      const gmacs = k.macs / 1e9;
      return {
        model: i ? `SE-${model}` : model,
        preset: name,
        se: i === 1,
        params: k.params,
        gmacs,
        paperGflops: gflops[i],
        relativeDifference: (gmacs - gflops[i]) / gflops[i],
      };
    }),
  );
}

export interface ConventionRow {
  preset: string;
  convention: string;
  params: number;
  gmacs: number;
}

/** ResNet-50 and SE-ResNet-50 with the stride on the first 1×1 (Caffe) and on the 3×3 (torchvision / timm). */
export function strideConventions(): ConventionRow[] {
  return [
    ["resnet50_caffe", "stride on the first 1×1 (Caffe, the paper, pretrainedmodels)"],
    ["se_resnet50", "stride on the first 1×1 (Caffe, the paper, pretrainedmodels)"],
    ["resnet50", "stride on the 3×3 (torchvision, timm)"],
    ["seresnet50", "stride on the 3×3 (torchvision, timm)"],
  ].map(([name, convention]) => {
    const k = complexity(preset(name));
    return { preset: name, convention, params: k.params, gmacs: k.macs / 1e9 };
  });
}
