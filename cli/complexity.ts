// npm run complexity [-- --json]
// Parameters and multiply-adds of the paper's networks at 224×224, counted from the model definitions
// (src/lib/models), next to the paper's Table 2 GFLOPs and Table 5 model sizes.
import { complexity, reductionTable, type Complexity } from "../src/lib/models/complexity.js";
import {
  PAPER_TABLE2_GFLOPS,
  PAPER_TABLE5_MODEL_MB,
  preset,
  type ModelConfig,
} from "../src/lib/models/config.js";

const MODELS = [
  ...[50, 101, 152].flatMap((d) => [`resnet${d}_caffe`, `resnet${d}`, `se_resnet${d}`, `seresnet${d}`]),
  ...[50, 101].flatMap((d) => [`resnext${d}_32x4d`, `se_resnext${d}_32x4d`, `seresnext${d}_32x4d`]),
  "senet154",
];

const args = process.argv.slice(2);
for (const a of args)
  if (a !== "--json") {
    console.error(`complexity: unknown argument "${a}" (usage: npm run complexity [-- --json])`);
    process.exit(2);
  }

function paperGflops(name: string): number | null {
  for (const row of PAPER_TABLE2_GFLOPS) {
    if (row.plain === name) return row.gflops[0];
    if (row.se === name) return row.gflops[1];
  }
  return null;
}

function convention(c: ModelConfig): string {
  const pool = c.stem.kind !== "3x3" && c.stem.ceilMode ? "ceil pool" : "padded pool";
  return `stride on ${c.strideOn}, ${pool}`;
}

const rows = MODELS.map((name) => {
  const config = preset(name);
  const k: Complexity = complexity(config);
  return {
    name,
    convention: convention(config),
    params: k.params,
    macs: k.macs,
    seParams: k.seParams,
    seFcMacs: k.seFcMacs,
    seSqueezeOps: k.seSqueezeOps,
    seScaleOps: k.seScaleOps,
    paperGflops: paperGflops(name),
  };
});

const base = complexity(preset("resnet50")).params;
const se50 = preset("se_resnet50");
const noLast = complexity({ ...se50, se: { r: 16, stages: [true, true, true, false] } });
const overhead = {
  seResnet50: (complexity(se50).params - base) / base,
  seResnet50WithoutStage5: (noLast.params - base) / base,
};
const ratios = reductionTable(se50).map((r) => ({
  ...r,
  paperMB: r.r === null ? PAPER_TABLE5_MODEL_MB.resnet50 : (PAPER_TABLE5_MODEL_MB[r.r] ?? null),
}));

if (args.includes("--json")) {
  console.log(
    JSON.stringify({ inputSize: 224, models: rows, seOverhead: overhead, reductionTable: ratios }, null, 2),
  );
} else {
  const g = (n: number) => (n / 1e9).toFixed(3);
  const timmExtra = complexity(preset("resnet50")).macs - complexity(preset("resnet50_caffe")).macs;
  const header = [
    "model",
    "convention",
    "params",
    "GMACs conv+fc",
    "+SE pool/scale",
    "SE params",
    "paper GFLOPs",
  ];
  const body = rows.map((r) => [
    r.name,
    r.convention,
    r.params.toLocaleString("en-US"),
    g(r.macs),
    r.seParams ? g(r.macs + r.seSqueezeOps + r.seScaleOps) : "",
    r.seParams ? r.seParams.toLocaleString("en-US") : "",
    r.paperGflops === null ? "" : r.paperGflops.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(
    "Complexity at 224×224, counted from the definitions (multiply-adds of convs and FCs, SE FCs included).",
  );
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
  console.log(
    "\nThe paper's GFLOPs match the Caffe placement (stride on the first 1×1 of a downsampling block); torchvision/timm" +
      `\nput it on the 3×3, which then runs at the higher resolution: +${g(timmExtra)} G for ResNet-50. Both ResNeXt` +
      "\nimplementations stride the grouped 3×3. '+SE pool/scale' adds the squeeze's additions and the scale's multiplications.",
  );
  console.log(
    `\nSE extra parameters over ResNet-50: ${(overhead.seResnet50 * 100).toFixed(1)}%; ` +
      `without the stage-5 SE modules: ${(overhead.seResnet50WithoutStage5 * 100).toFixed(1)}%.`,
  );
  console.log("\nSE-ResNet-50 by reduction ratio r (Table 5 sizes for comparison):");
  console.log("r      params        SE params    float32 MiB  paper MB");
  for (const r of ratios)
    console.log(
      [
        (r.r === null ? "no SE" : String(r.r)).padEnd(5),
        r.params.toLocaleString("en-US").padStart(12),
        r.seParams.toLocaleString("en-US").padStart(14),
        r.float32MiB.toFixed(1).padStart(12),
        (r.paperMB === null ? "" : String(r.paperMB)).padStart(9),
      ].join("  "),
    );
}
