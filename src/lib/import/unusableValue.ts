// Weight values no network can use, looked for wherever weights enter (a checkpoint's import, a model file's load)
// before they reach one: NaN or ±Infinity anywhere, and a BatchNorm running variance below 0 (folding divides by
// √(σ² + ε), so that channel's outputs would be NaN).

export interface UnusableValue {
  kind: "non-finite value" | "negative variance";
  index: number;
  value: number;
}

/** The first unusable value of the weight `name` (canonical PyTorch naming), or null. */
export function unusableValue(name: string, data: ArrayLike<number>): UnusableValue | null {
  const variance = name.endsWith(".running_var");
  for (let index = 0; index < data.length; index++) {
    const value = data[index];
    if (!Number.isFinite(value)) return { kind: "non-finite value", index, value };
    if (variance && value < 0) return { kind: "negative variance", index, value };
  }
  return null;
}
