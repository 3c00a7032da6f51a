// Numbers written for prose and tables, alike on every chapter. A missing value (undefined or null: a case a run
// did not record) is written "—".

type Maybe = number | null | undefined;

/** A share in [0, 1] as a percentage: percent(0.0123, 2) -> "1.23 %". */
export function percent(share: number, digits = 1): string {
  return `${(100 * share).toFixed(digits)} %`;
}

/** Milliseconds, one decimal under 10 ms (where whole milliseconds would hide the differences), none above. */
export function milliseconds(x: Maybe): string {
  return x === undefined || x === null ? "—" : `${x.toFixed(x < 10 ? 1 : 0)} ms`;
}

/** A ratio of times: times(1.0182) -> "1.018×". */
export function times(x: Maybe): string {
  return x === undefined || x === null ? "—" : `${x.toFixed(3)}×`;
}
