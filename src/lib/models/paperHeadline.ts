// The paper's headline for SE-ResNet-50 against ResNet-50, derived from Tables 2 and 5 as config.ts records them,
// so the prose that quotes it cannot drift from the tables the site regenerates.
import { PAPER_TABLE2_GFLOPS, PAPER_TABLE5_ERRORS, preset } from "./config.js";

export interface PaperHeadline {
  /** Table 2: ResNet-50 and SE-ResNet-50 GFLOPs (multiply-adds, 224×224). */
  plainGflops: number;
  seGflops: number;
  /** SE's extra computation, in % of ResNet-50's. */
  extraComputePercent: number;
  /** The reduction ratio of SE-ResNet-50. */
  r: number;
  /** Table 5: ResNet-50's top-1 error minus SE-ResNet-50's at that r, in percentage points. */
  top1Drop: number;
}

export function paperHeadline(): PaperHeadline {
  const row = PAPER_TABLE2_GFLOPS.find((m) => m.se === "se_resnet50")!;
  const [plainGflops, seGflops] = row.gflops;
  const r = preset(row.se).se!.r;
  const top1 = (ratio: number | null) => PAPER_TABLE5_ERRORS.find((e) => e.r === ratio)!.top1;
  return {
    plainGflops,
    seGflops,
    extraComputePercent: (100 * (seGflops - plainGflops)) / plainGflops,
    r,
    top1Drop: top1(null) - top1(r),
  };
}
