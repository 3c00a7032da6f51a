// State-dict naming schemes. The canonical names are timm's (`conv1`, `bn1`, `layer1.0.se.fc1`, `fc`);
// the authors' Caffe models as ported to pretrainedmodels (and timm's `legacy_*` models) use `layer0.*`
// for the stem, `se_module` for SE and `last_linear` for the classifier. With a deep stem (SENet-154),
// pretrainedmodels' layer0.{conv1,bn1,conv2,bn2,conv3,bn3} are timm's nn.Sequential conv1.{0,1,3,4,6}
// followed by bn1.

export type Naming = "timm" | "pretrainedmodels";
export const NAMINGS: readonly Naming[] = ["timm", "pretrainedmodels"];

const PM_MARK = /^layer0\.|\.se_module\.|^last_linear\./;
const TIMM_MARK = /^(conv1|bn1|fc)\.|\.se\./;

/** The scheme a single key belongs to, when it shows one (`layer1.0.conv1.weight` is in both). */
export function keyNaming(key: string): Naming | undefined {
  if (PM_MARK.test(key)) return "pretrainedmodels";
  if (TIMM_MARK.test(key)) return "timm";
  return undefined;
}

/** Decides the naming from the keys; keys of both schemes in one file are refused. */
export function detectNaming(keys: Iterable<string>): Naming {
  const example: Partial<Record<Naming, string>> = {};
  for (const k of keys) {
    const n = keyNaming(k);
    if (n) example[n] ??= k;
  }
  if (example.pretrainedmodels && example.timm) {
    throw new Error(
      `the checkpoint mixes pretrainedmodels names (e.g. "${example.pretrainedmodels}") and timm names ` +
        `(e.g. "${example.timm}"); pass --naming to choose one`,
    );
  }
  return example.pretrainedmodels ? "pretrainedmodels" : "timm";
}

function stemMap(deep: boolean): Record<string, string> {
  return deep
    ? {
        "layer0.conv1": "conv1.0",
        "layer0.bn1": "conv1.1",
        "layer0.conv2": "conv1.3",
        "layer0.bn2": "conv1.4",
        "layer0.conv3": "conv1.6",
        "layer0.bn3": "bn1",
      }
    : { "layer0.conv1": "conv1", "layer0.bn1": "bn1" };
}

/** Renames every key of a state dict to the canonical (timm) names. */
export function toCanonicalNames<T>(tensors: Map<string, T>, naming: Naming): Map<string, T> {
  if (naming === "timm") return tensors;
  const stem = stemMap(tensors.has("layer0.conv2.weight"));
  const out = new Map<string, T>();
  const from = new Map<string, string>();
  for (const [key, t] of tensors) {
    const dot = key.lastIndexOf(".");
    const [module, field] = [key.slice(0, dot), key.slice(dot + 1)];
    let name: string;
    if (module in stem) name = `${stem[module]}.${field}`;
    else if (module === "last_linear") name = `fc.${field}`;
    else name = key.replace(".se_module.", ".se.");
    if (from.has(name)) throw new Error(`keys "${from.get(name)}" and "${key}" both map to "${name}"`);
    from.set(name, key);
    out.set(name, t);
  }
  return out;
}
