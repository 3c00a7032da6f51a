// Which recorded training run an installed model came from: the importer stores the checkpoint's sha256 in
// model.json, and every run directory holds its checkpoint, so the match is exact and needs no extra bookkeeping.

export interface RunFile {
  runId: string;
  sha256: string;
}

export function findSourceRun(sourceSha256: string, runs: readonly RunFile[]): string | null {
  return runs.find((r) => r.sha256 === sourceSha256)?.runId ?? null;
}
