// Renders every chart component with fixed data and exposes the markup, for the snapshot test, and the SVGs a
// screen reader would meet without a role or label.
import { figure1 } from "../../src/lib/figure1.js";
import { figure1Chart } from "../../src/components/figure1.js";
import { channelBars } from "../../src/components/channelBars.js";
import { matrixHeatmap } from "../../src/components/matrixHeatmap.js";
import { table1Table } from "../../src/components/table1.js";
import { table1 } from "../../src/lib/models/table1.js";
import { preset } from "../../src/lib/models/config.js";
import { excitationPanels } from "../../src/components/excitationPanels.js";
import { accuracyVsParams } from "../../src/components/accuracyVsParams.js";
import { saturationHistograms } from "../../src/components/saturationHistograms.js";
import { specificityChart } from "../../src/components/specificityChart.js";
import { excitationHistogram } from "../../src/lib/excitationHistogram.js";
import type { ExcitationProfiles } from "../../src/lib/excitationProfiles.js";
import type { StudyRow } from "../../src/lib/reductionStudy.js";

const values = Array.from({ length: 12 }, (_, i) => Math.sin(i) * 0.8);

// Figure 8 with three classes and the reader's drawing: two blocks of 6 channels, values between 0 and 1
const wave = (phase: number) => Array.from({ length: 6 }, (_, i) => 0.5 + 0.4 * Math.sin(i + phase));
const profiles: ExcitationProfiles = {
  model: "test",
  classes: ["a", "b", "c"],
  classCounts: [2, 2, 2],
  channelsPerBlock: 6,
  blocks: ["SE_2_1", "SE_3_1"].map((name, b) => ({
    name,
    channels: 6,
    sampledChannels: [0, 1, 2, 3, 4, 5],
    classMeans: [0, 1, 2].map((k) => wave(b + k)),
    overallMean: wave(b + 1),
    classSpecificity: 0.5,
    classSpread: 0.1,
    classRange: 0.3,
    nearZero: 0,
    nearOne: 0,
  })),
};
// The reduction-ratio study: the baseline and two r, two seeds each
const study: StudyRow[] = [null, 2, 4].map((r, i) => ({
  r,
  config: r === null ? "plain" : `r${r}`,
  seeds: [0, 1],
  accuracies: [0.9 + 0.01 * i, 0.905 + 0.01 * i],
  accuracyMean: 0.9025 + 0.01 * i,
  accuracyStd: 0.0035,
  params: 1000 + 100 * i,
  seParams: 100 * i,
  float32Bytes: 4000 + 400 * i,
  epochs: 4,
}));

const elements: Record<string, Element> = {
  "figure1-wide": figure1Chart(figure1(), { width: 900, excitation: [0.9, 0.1, 0.5, 1, 0.3, 0.7, 0, 0.6] }),
  "figure1-phone": figure1Chart(figure1({ h: 28, w: 28, c: 512, r: 16 }), {
    width: 360,
    excitation: [0.9, 0.1, 0.5, 1, 0.3, 0.7, 0, 0.6],
  }),
  "channel-bars": channelBars(values, { width: 320, label: "z", yLabel: "z_c" }),
  "matrix-heatmap": matrixHeatmap(values, { width: 200, shape: [3, 4], channelAxis: "cols", label: "W2" }),
  "table1-se-resnet50": table1Table([{ name: "SE-ResNet-50", rows: table1(preset("se_resnet50")) }]),
  "excitation-panels": excitationPanels(profiles, {
    width: 600,
    classes: [0, 1, 2],
    extra: { label: "your image", values: { SE_2_1: wave(4), SE_3_1: wave(5) } },
  }),
  "accuracy-vs-params": accuracyVsParams(study, { width: 480, selected: 4 }),
  "specificity-chart": specificityChart(profiles.blocks, { width: 400 }),
  "saturation-histograms": saturationHistograms(
    ["SE_2_1", "SE_5_2"].map((name, b) => ({
      name,
      histogram: excitationHistogram(
        Array.from({ length: 40 }, (_, i) => (b ? (i % 2 ? 0.97 : 0.02) : i / 40)),
      ),
    })),
    { width: 340, label: "excitations per block" },
  ),
};

// SE-ResNet-50's stage-5 W1 (2048 channels × 128 hidden units): one image and a strip per channel, not 262,144 rects
const stage5 = matrixHeatmap(
  Float32Array.from({ length: 2048 * 128 }, (_, i) => Math.sin(i)),
  { width: 700, shape: [2048, 128], channelAxis: "rows", label: "W1" },
);

const svgs = (e: Element) => [...(e.matches("svg") ? [e] : []), ...e.querySelectorAll("svg")];
Object.assign(window, {
  largeHeatmap: {
    images: stage5.querySelectorAll("image").length,
    rects: stage5.querySelectorAll("rect").length,
    channels: new Set(
      [...stage5.querySelectorAll("[data-channel]")].map((e) => e.getAttribute("data-channel")),
    ).size,
    height: Number(stage5.getAttribute("height")),
  },
  snapshots: Object.fromEntries(Object.entries(elements).map(([name, e]) => [name, e.outerHTML])),
  // KaTeX draws some glyphs as SVG inside its aria-hidden HTML (screen readers get its MathML instead)
  unlabelledSvgs: Object.fromEntries(
    Object.entries(elements).map(([name, e]) => [
      name,
      svgs(e)
        .filter((s) => !s.closest('[aria-hidden="true"]'))
        .filter((s) => s.getAttribute("role") !== "img" || !s.getAttribute("aria-label"))
        .map((s) => s.outerHTML.slice(0, 200)),
    ]),
  ),
});
