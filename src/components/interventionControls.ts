// Controls for an intervention on the excitations: what replaces s (1, the mean over the test images, 0.5, or s
// clamped to [a, b]) and where (one block or every block of a stage). An Observable view: `value` is the
// Intervention, or null for none; invalid bounds are reported and keep the last valid value.
import { stagesOf, type Intervention, type InterventionKind } from "../lib/interventions.js";

export interface InterventionControls extends HTMLElement {
  value: Intervention | null;
}

const KINDS: { kind: InterventionKind | ""; label: string }[] = [
  { kind: "", label: "nothing (no intervention)" },
  { kind: "one", label: "1 — switch SE off" },
  { kind: "mean", label: "its mean over the shipped test images" },
  { kind: "half", label: "0.5" },
  { kind: "clamp", label: "s clamped to [a, b]" },
];

export function interventionControls(
  blocks: string[],
  { initial, meanUnavailable }: { initial: Intervention | null; meanUnavailable?: string },
): InterventionControls {
  const root = document.createElement("form") as unknown as InterventionControls;
  root.className = "se-intervention";
  root.setAttribute("aria-label", "intervention on the excitations");
  root.addEventListener("submit", (e) => e.preventDefault());
  const field = (text: string, control: HTMLElement) => {
    const label = document.createElement("label");
    label.append(`${text} `, control);
    return label;
  };
  const kind = document.createElement("select");
  for (const k of KINDS) {
    const option = new Option(k.label, k.kind);
    if (k.kind === "mean" && meanUnavailable) {
      option.disabled = true;
      option.title = meanUnavailable;
      option.text += " (unavailable for this model)";
    }
    kind.append(option);
  }
  const where = document.createElement("select");
  for (const stage of stagesOf(blocks))
    where.append(new Option(`every block of stage ${stage}`, `stage:${stage}`));
  for (const block of blocks) where.append(new Option(block, `block:${block}`));
  const bound = (value: number) => {
    const input = document.createElement("input");
    input.type = "number";
    input.min = "0";
    input.max = "1";
    input.step = "0.05";
    input.value = String(value);
    return input;
  };
  const a = bound(initial?.a ?? 0.25);
  const b = bound(initial?.b ?? 0.75);
  const bounds = document.createElement("span");
  bounds.className = "se-intervention-bounds";
  bounds.append(field("a", a), field("b", b));
  const message = document.createElement("span");
  message.className = "se-intervention-message";
  message.setAttribute("role", "alert");

  if (initial) {
    kind.value = initial.kind;
    where.value = `${initial.scope}:${initial.target}`;
  }
  const read = (): Intervention | null => {
    if (!kind.value) return null;
    const [scope, target] = where.value.split(":") as ["block" | "stage", string];
    const iv: Intervention = { kind: kind.value as InterventionKind, scope, target };
    if (iv.kind === "clamp") {
      iv.a = Number(a.value);
      iv.b = Number(b.value);
      if (!(a.value !== "" && b.value !== "" && iv.a >= 0 && iv.a <= iv.b && iv.b <= 1))
        throw new Error(
          `Clamp bounds must satisfy 0 ≤ a ≤ b ≤ 1; a = ${a.value || "?"}, b = ${b.value || "?"} do not.`,
        );
    }
    return iv;
  };
  const sync = () => {
    bounds.hidden = kind.value !== "clamp";
    where.disabled = !kind.value;
  };
  root.addEventListener("change", (e) => {
    e.stopPropagation();
    sync();
    try {
      root.value = read();
      message.textContent = "";
    } catch (error) {
      message.textContent = (error as Error).message;
      return;
    }
    root.dispatchEvent(new Event("input", { bubbles: true }));
  });
  root.append(field("Replace s by", kind), field("in", where), bounds, message);
  sync();
  root.value = read();
  return root;
}
