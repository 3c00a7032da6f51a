// Reading the recorded training runs of tools/train (data/fashion/runs/<id>/{config,metrics}.json) into
// RunRecords. Pure: the caller supplies the file contents (a Framework data loader reads them from disk).
import { parseConfig } from "./models/config.js";
import type { RunRecord } from "./reductionStudy.js";

function field<T>(
  metrics: Record<string, unknown>,
  key: string,
  type: "number" | "string",
  runId: string,
): T {
  const value = metrics[key];
  if (typeof value !== type) throw new Error(`run ${runId}: metrics.json field "${key}" must be a ${type}`);
  return value as T;
}

export function runRecord(runId: string, configJson: unknown, metricsJson: unknown): RunRecord {
  if (typeof metricsJson !== "object" || metricsJson === null)
    throw new Error(`run ${runId}: metrics.json is not an object`);
  const m = metricsJson as Record<string, unknown>;
  return {
    runId,
    config: parseConfig(configJson),
    testAccuracy: field(m, "testAccuracy", "number", runId),
    bestValAccuracy: field(m, "bestValAccuracy", "number", runId),
    epochs: field(m, "epochs", "number", runId),
    seed: field(m, "seed", "number", runId),
    wallTimeSeconds: field(m, "wallTimeSeconds", "number", runId),
    command: field(m, "command", "string", runId),
    date: field(m, "date", "string", runId),
    gitCommit: field(m, "gitCommit", "string", runId),
  };
}
