// Renders every chart component with fixed data and exposes the markup, for the snapshot test.
import { figure1 } from "../../src/lib/figure1.js";
import { figure1Chart } from "../../src/components/figure1.js";
import { channelBars } from "../../src/components/channelBars.js";
import { matrixHeatmap } from "../../src/components/matrixHeatmap.js";
import { table1Table } from "../../src/components/table1.js";
import { table1 } from "../../src/lib/models/table1.js";
import { preset } from "../../src/lib/models/config.js";

const values = Array.from({ length: 12 }, (_, i) => Math.sin(i) * 0.8);

const snapshots: Record<string, string> = {
  "figure1-wide": figure1Chart(figure1(), { width: 900, excitation: [0.9, 0.1, 0.5, 1, 0.3, 0.7, 0, 0.6] })
    .outerHTML,
  "figure1-phone": figure1Chart(figure1({ h: 28, w: 28, c: 512, r: 16 }), {
    width: 360,
    excitation: [0.9, 0.1, 0.5, 1, 0.3, 0.7, 0, 0.6],
  }).outerHTML,
  "channel-bars": channelBars(values, { width: 320, label: "z" }).outerHTML,
  "matrix-heatmap": matrixHeatmap(values, { width: 200, shape: [3, 4], channelAxis: "cols", label: "W2" })
    .outerHTML,
  "table1-se-resnet50": table1Table([{ name: "SE-ResNet-50", rows: table1(preset("se_resnet50")) }])
    .outerHTML,
};

(window as unknown as { snapshots: Record<string, string> }).snapshots = snapshots;
