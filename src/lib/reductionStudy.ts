// The reduction-ratio study (the paper's Table 5 at small scale): recorded Fashion-MNIST runs grouped by variant
// (no SE, r = 1, 2, 4, …) with test accuracy over seeds and the capacity each variant pays for it.
import { complexity } from "./models/complexity.js";
import { parseConfig, type ModelConfig } from "./models/config.js";
import { mean, sampleStd } from "./stats.js";

/** What a training run records (tools/train writes metrics.json and config.json per run). */
export interface RunRecord {
  runId: string;
  config: ModelConfig;
  testAccuracy: number;
  bestValAccuracy: number;
  epochs: number;
  seed: number;
  wallTimeSeconds: number;
  command: string;
  date: string;
  gitCommit: string;
}

export interface StudyRow {
  /** Reduction ratio, or null for the baseline without SE. */
  r: number | null;
  config: string;
  seeds: number[];
  accuracies: number[];
  accuracyMean: number;
  accuracyStd: number;
  params: number;
  seParams: number;
  float32Bytes: number;
  epochs: number;
}

/** Architecture of a config apart from its SE setting, so runs of one study can be found together. */
export function backboneKey(config: ModelConfig): string {
  const { name: _name, se: _se, ...rest } = parseConfig(config);
  return JSON.stringify(rest);
}

/** One row per variant of `backbone` (the baseline first, then increasing r); runs of other nets are ignored. */
export function reductionStudy(runs: readonly RunRecord[], backbone: ModelConfig): StudyRow[] {
  const key = backboneKey(backbone);
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) {
    if (backboneKey(run.config) !== key) continue;
    const group = groups.get(run.config.name) ?? [];
    group.push(run);
    groups.set(run.config.name, group);
  }
  const rows = [...groups.values()].map((group): StudyRow => {
    const epochs = new Set(group.map((g) => g.epochs));
    if (epochs.size > 1)
      throw new Error(
        `runs of ${group[0].config.name} differ in epochs (${[...epochs].join(", ")}); compare like with like`,
      );
    const k = complexity(group[0].config);
    const accuracies = group.map((g) => g.testAccuracy);
    return {
      r: group[0].config.se?.r ?? null,
      config: group[0].config.name,
      seeds: group.map((g) => g.seed),
      accuracies,
      accuracyMean: mean(accuracies),
      accuracyStd: sampleStd(accuracies),
      params: k.params,
      seParams: k.seParams,
      float32Bytes: k.params * 4,
      epochs: group[0].epochs,
    };
  });
  return rows.sort((a, b) => (a.r ?? 0) - (b.r ?? 0));
}

export interface StudyFindings {
  baseline: StudyRow | null;
  /** The SE variant with the highest mean accuracy. */
  best: StudyRow | null;
  /** best − baseline mean accuracy (fraction, not %), null without either. */
  gain: number | null;
  /** Whether |gain| exceeds the larger of the two seed standard deviations (needs ≥ 2 seeds each). */
  gainBeyondSpread: boolean | null;
  /** Whether mean accuracy rises steadily as r falls (i.e. with SE capacity); null with fewer than 3 SE variants. */
  monotonicInCapacity: boolean | null;
}

export function studyFindings(rows: readonly StudyRow[]): StudyFindings {
  const baseline = rows.find((r) => r.r === null) ?? null;
  const se = rows.filter((r) => r.r !== null).sort((a, b) => b.r! - a.r!); // decreasing r = increasing capacity
  const best = se.reduce<StudyRow | null>(
    (a, b) => (a === null || b.accuracyMean > a.accuracyMean ? b : a),
    null,
  );
  const gain = baseline && best ? best.accuracyMean - baseline.accuracyMean : null;
  const enoughSeeds =
    baseline !== null && best !== null && baseline.seeds.length > 1 && best.seeds.length > 1;
  return {
    baseline,
    best,
    gain,
    gainBeyondSpread: enoughSeeds
      ? Math.abs(gain!) > Math.max(baseline!.accuracyStd, best!.accuracyStd)
      : null,
    monotonicInCapacity:
      se.length < 3 ? null : se.every((row, i) => i === 0 || row.accuracyMean >= se[i - 1].accuracyMean),
  };
}
