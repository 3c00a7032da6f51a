// Data loader: the models installed under data/models/ (what `npm run weights -- import|download` wrote), so pages
// can say which pretrained networks are available — and say plainly when none is.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDescriptor } from "../lib/import/manifest.js";

const MODELS = process.env.SE_MODELS_DIR ?? "data/models"; // as scripts/models.ts
const models = (existsSync(MODELS) ? readdirSync(MODELS) : [])
  .filter((name) => existsSync(join(MODELS, name, "model.json")))
  .sort()
  .map((name) => {
    const path = join(MODELS, name, "model.json");
    const d = parseDescriptor(JSON.parse(readFileSync(path, "utf8")), path);
    return { name, architecture: d.config.name, labels: d.labels, source: d.source, inputSize: d.config.inputSize };
  });
process.stdout.write(JSON.stringify(models));
