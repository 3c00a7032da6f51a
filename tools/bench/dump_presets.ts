// Writes the builder's ImageNet presets as JSON for the offline PyTorch benchmarks (which cannot run TypeScript).
import { mkdirSync, writeFileSync } from "node:fs";
import { PRESETS } from "../../src/lib/models/config.js";

mkdirSync("bench/results/tmp", { recursive: true });
writeFileSync("bench/results/tmp/presets.json", JSON.stringify(PRESETS, null, 1));
console.log(`wrote bench/results/tmp/presets.json (${Object.keys(PRESETS).length} presets)`);
