// The Inspect chapter's shareable state in the URL's query string: `?model=fashion-default&sample=37&block=SE_3_2
// &channel=5&iv=stage:4:one&compare=resnet50`. Uploaded images are never put in the URL (they stay in the browser), so a shared
// link carries a sample number or nothing. Unknown or malformed values are reported, not silently dropped.
import { formatIntervention, parseIntervention, parseStage, type Intervention } from "./interventions.js";

export interface InspectState {
  model?: string;
  /** Index into the shipped test subset. */
  sample?: number;
  block?: string;
  channel?: number;
  intervention?: Intervention;
  /** A second installed model shown beside the first. */
  compare?: string;
}

/** Reads the state; `problems` says what was ignored and why. */
export function parseInspectState(search: string): { state: InspectState; problems: string[] } {
  const params = new URLSearchParams(search);
  const state: InspectState = {};
  const problems: string[] = [];
  const model = params.get("model");
  if (model) state.model = model;
  const compare = params.get("compare");
  if (compare) state.compare = compare;
  const integer = (key: string, set: (n: number) => void) => {
    const value = params.get(key);
    if (value === null) return;
    if (!/^\d+$/.test(value)) problems.push(`${key}=${value} is not a whole number from 0 up`);
    else if (!Number.isSafeInteger(Number(value))) problems.push(`${key}=${value} is far too large`);
    else set(Number(value));
  };
  integer("sample", (n) => (state.sample = n));
  integer("channel", (n) => (state.channel = n));
  const block = params.get("block");
  if (block) {
    if (parseStage(block) !== null) state.block = block;
    else problems.push(`block=${block} is not an SE block name like SE_3_2`);
  }
  const iv = params.get("iv");
  if (iv) {
    try {
      state.intervention = parseIntervention(iv);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  return { state, problems };
}

export function formatInspectState(state: InspectState): string {
  const params = new URLSearchParams();
  if (state.model) params.set("model", state.model);
  if (state.sample !== undefined) params.set("sample", String(state.sample));
  if (state.block) params.set("block", state.block);
  if (state.channel !== undefined) params.set("channel", String(state.channel));
  if (state.intervention) params.set("iv", formatIntervention(state.intervention));
  if (state.compare) params.set("compare", state.compare);
  const text = params.toString().replaceAll("%3A", ":");
  return text ? `?${text}` : "";
}
