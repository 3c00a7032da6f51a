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

/** A selected channel of an SE block, as the heatmap and the address hold it. */
export interface ChannelChoice {
  block: string;
  channel: number;
}

/** A model's SE blocks as a choice needs them: name and excitations (one per channel). */
type SeBlocks = readonly { name: string; s: ArrayLike<number> }[];

/** Whether `blocks` have the block and channel of `choice`. */
export function hasChannel(blocks: SeBlocks, choice: ChannelChoice): boolean {
  const block = blocks.find((b) => b.name === choice.block);
  return block !== undefined && choice.channel < block.s.length;
}

/**
 * The address's block and channel against a model's SE blocks (parseInspectState checks only their form): the
 * choice they make, null for none, and what of them cannot be used and why. A channel the block lacks is dropped,
 * not moved: the choice is then the block's channel 0.
 */
export function addressedChannel(
  state: InspectState,
  blocks: SeBlocks,
): { choice: ChannelChoice | null; problems: string[] } {
  const { block, channel } = state;
  if (!block) {
    const problems = channel === undefined ? [] : [`channel=${channel} needs a block=… beside it`];
    return { choice: null, problems };
  }
  const named = blocks.find((b) => b.name === block);
  if (!named) {
    const problems = [
      blocks.length
        ? `block=${block}: this model's SE blocks are ${blocks[0].name} to ${blocks.at(-1)!.name}`
        : `block=${block}: this model has no SE blocks`,
    ];
    if (channel !== undefined) problems.push(`channel=${channel} goes with that block`);
    return { choice: null, problems };
  }
  if (channel !== undefined && channel >= named.s.length)
    return {
      choice: { block, channel: 0 },
      problems: [`channel=${channel}: ${block} has channels 0 to ${named.s.length - 1}`],
    };
  return { choice: { block, channel: channel ?? 0 }, problems: [] };
}
