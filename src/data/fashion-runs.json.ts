// Data loader: every recorded Fashion-MNIST training run (data/fashion/runs/<id>/), as RunRecord JSON.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runRecord } from "../lib/runRecords.js";

const RUNS = "data/fashion/runs";
const ids = existsSync(RUNS) ? readdirSync(RUNS).filter((id) => !id.startsWith(".")).sort() : [];
const read = (id: string, file: string) => JSON.parse(readFileSync(join(RUNS, id, file), "utf8"));
process.stdout.write(JSON.stringify(ids.map((id) => runRecord(id, read(id, "config.json"), read(id, "metrics.json")))));
