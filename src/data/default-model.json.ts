// Data loader: the site's default model (data/models/fashion-default) and the recorded training run it was
// imported from (matched by the checkpoint's sha256), so pages can say what it is and how well it does.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findSourceRun } from "../lib/modelRun.js";
import { runRecord } from "../lib/runRecords.js";
import { complexity } from "../lib/models/complexity.js";
import { parseDescriptor } from "../lib/import/manifest.js";

const MODEL = "data/models/fashion-default/model.json";
const RUNS = "data/fashion/runs";

if (!existsSync(MODEL)) {
  process.stdout.write(JSON.stringify({ available: false, reason: `${MODEL} is missing` }));
} else {
  const descriptor = parseDescriptor(JSON.parse(readFileSync(MODEL, "utf8")), MODEL);
  const runs = (existsSync(RUNS) ? readdirSync(RUNS) : [])
    .filter((id) => existsSync(join(RUNS, id, "model.safetensors")))
    .map((runId) => ({
      runId,
      sha256: createHash("sha256").update(readFileSync(join(RUNS, runId, "model.safetensors"))).digest("hex"),
    }));
  const runId = findSourceRun(descriptor.source.sha256, runs);
  const read = (file: string) => JSON.parse(readFileSync(join(RUNS, runId!, file), "utf8"));
  const k = complexity(descriptor.config);
  process.stdout.write(
    JSON.stringify({
      available: true,
      config: descriptor.config,
      params: k.params,
      seParams: k.seParams,
      weightDtype: descriptor.weightsManifest[0].weights.find((w) => w.shape.length >= 2)?.quantization?.dtype ?? "float32",
      run: runId ? runRecord(runId, read("config.json"), read("metrics.json")) : null,
    }),
  );
}
