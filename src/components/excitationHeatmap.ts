// Every excitation of one image at once: one row per SE block (SE_2_1 at the top), one cell per channel, coloured by
// s on cividis (readable with colour-vision deficiencies). Rows of different widths are stretched to the same
// length; a block with more channels than pixels makes the chart wider and scrollable rather than dropping any.
// With a baseline it shows the change of the computed s instead, on a diverging purple–orange scale. Hovering a
// cell shows block, channel, z_c and s_c; clicking it (or Enter, after moving with the arrow keys) selects it (not in
// the change view). An Observable view: `value` is the selected {block, channel}.
import * as d3 from "d3";
import type { BlockReadout } from "../lib/inspection.js";
import type { ChannelChoice } from "../lib/inspectState.js";

export interface ExcitationHeatmapOptions {
  width: number;
  label: string;
  /** Show s − baseline s (same blocks, same image, another run). */
  baseline?: BlockReadout[];
  /** The cell selected at first (a block and channel of `blocks`); the first block's channel 0 without it. */
  selected?: ChannelChoice;
}

export interface ExcitationHeatmap extends HTMLElement {
  value: ChannelChoice;
}

const ROW = 16;
const LABELS = 64;

function fmt(v: number): string {
  return v.toFixed(3);
}

export function excitationHeatmap(
  blocks: BlockReadout[],
  options: ExcitationHeatmapOptions,
): ExcitationHeatmap {
  const { width, label, baseline } = options;
  if (blocks.length === 0) throw new Error("excitationHeatmap: the model has no SE blocks");
  if (baseline && baseline.some((b, i) => b.name !== blocks[i]?.name || b.s.length !== blocks[i].s.length))
    throw new Error("excitationHeatmap: the baseline has other blocks");
  const maxChannels = d3.max(blocks, (b) => b.s.length)!;
  const plot = Math.max(width - LABELS - 8, maxChannels);
  const delta = (r: number, c: number) => blocks[r].s[c] - baseline![r].s[c];
  const maxDelta = baseline
    ? Math.max(
        0.01,
        d3.max(blocks, (_, r) => d3.max(blocks[r].s, (_, c) => Math.abs(delta(r, c))))!,
      )
    : 1;
  const colour = baseline
    ? d3.scaleDiverging(d3.interpolatePuOr).domain([maxDelta, 0, -maxDelta])
    : d3.scaleSequential(d3.interpolateCividis).domain([0, 1]);
  const value = (r: number, c: number) => (baseline ? delta(r, c) : blocks[r].used[c]);

  const root = document.createElement("div") as unknown as ExcitationHeatmap;
  root.className = "se-xheatmap";
  const scroller = document.createElement("div");
  scroller.className = "se-xheatmap-scroll";
  const canvas = document.createElement("canvas");
  const cssWidth = LABELS + plot;
  const cssHeight = blocks.length * ROW;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(cssWidth * ratio);
  canvas.height = Math.round(cssHeight * ratio);
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${cssHeight}px`;
  canvas.tabIndex = 0;
  // a widget that takes arrow keys and Enter itself (an image would leave them to the screen reader)
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-roledescription", "heatmap");
  const help = baseline
    ? "change of each excitation after the intervention"
    : "excitation s of every channel of every SE block";
  canvas.setAttribute(
    "aria-label",
    `${label}: ${help}. Arrow keys move between cells` +
      (baseline ? "." : ", Enter shows the feature map of the cell."),
  );
  const tip = document.createElement("div");
  tip.className = "se-xheatmap-tip";
  tip.hidden = true;
  const live = document.createElement("p");
  live.className = "se-xheatmap-cell";
  live.setAttribute("aria-live", "polite");

  let cursor = { r: 0, c: 0 };
  if (options.selected) {
    // the caller checks a choice against the blocks (and says what it drops); silently moving it would hide a bug
    const { block, channel } = options.selected;
    const r = blocks.findIndex((b) => b.name === block);
    if (r < 0) throw new Error(`excitationHeatmap: the selected block ${block} is not among the blocks`);
    if (!(Number.isInteger(channel) && channel >= 0 && channel < blocks[r].s.length))
      throw new Error(`excitationHeatmap: ${block} has no channel ${channel} (0–${blocks[r].s.length - 1})`);
    cursor = { r, c: channel };
  }
  let selected = { ...cursor };
  root.value = { block: blocks[selected.r].name, channel: selected.c };

  const cellX = (r: number, c: number) => LABELS + (c * plot) / blocks[r].s.length;
  const describe = (r: number, c: number) => {
    const b = blocks[r];
    let text = `${b.name} · channel ${c} · z = ${fmt(b.z[c])} · s = ${fmt(b.s[c])}`;
    if (b.used[c] !== b.s[c]) text += ` (used: ${fmt(b.used[c])})`;
    if (baseline) text += ` · before: ${fmt(baseline[r].s[c])} · change ${d3.format("+.3f")(delta(r, c))}`;
    return text;
  };

  const draw = () => {
    const context = canvas.getContext("2d");
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, cssWidth, cssHeight);
    context.font = "11px var(--sans-serif), sans-serif";
    context.textBaseline = "middle";
    context.fillStyle = getComputedStyle(root).color || "black";
    blocks.forEach((b, r) => {
      context.fillText(b.name, 2, r * ROW + ROW / 2);
      for (let c = 0; c < b.s.length; c++) {
        context.fillStyle = colour(value(r, c));
        const x0 = cellX(r, c);
        context.fillRect(x0, r * ROW, cellX(r, c + 1) - x0 + 0.5, ROW - 1);
      }
      context.fillStyle = getComputedStyle(root).color || "black";
    });
    const outline = (at: { r: number; c: number }, style: string, lineWidth: number) => {
      const x0 = cellX(at.r, at.c);
      context.strokeStyle = style;
      context.lineWidth = lineWidth;
      context.strokeRect(x0 - 1, at.r * ROW - 1, Math.max(3, cellX(at.r, at.c + 1) - x0) + 2, ROW + 1);
    };
    if (!baseline) outline(selected, "#e66101", 2);
    if (document.activeElement === canvas) outline(cursor, "currentColor", 1);
  };

  const select = (at: { r: number; c: number }) => {
    selected = at;
    cursor = at;
    live.textContent = describe(at.r, at.c); // a click focuses the canvas first, which announced the old cursor
    root.value = { block: blocks[at.r].name, channel: at.c };
    draw();
    root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const cellAt = (e: MouseEvent) => {
    const box = canvas.getBoundingClientRect();
    const x = e.clientX - box.left;
    const r = Math.floor((e.clientY - box.top) / ROW);
    if (x < LABELS || r < 0 || r >= blocks.length) return null;
    const c = Math.floor(((x - LABELS) / plot) * blocks[r].s.length);
    return c >= 0 && c < blocks[r].s.length ? { r, c } : null;
  };
  canvas.addEventListener("pointermove", (e) => {
    const at = cellAt(e);
    tip.hidden = !at;
    if (!at) return;
    tip.textContent = describe(at.r, at.c);
    tip.style.left = `${Math.min(cellX(at.r, at.c) - scroller.scrollLeft, width - 260)}px`;
    tip.style.top = `${(at.r + 1) * ROW + 4}px`;
  });
  canvas.addEventListener("pointerleave", () => (tip.hidden = true));
  // The change view is for reading; selecting a channel happens in the main heatmap.
  if (!baseline)
    canvas.addEventListener("click", (e) => {
      const at = cellAt(e);
      if (at) select(at);
    });
  canvas.addEventListener("focus", () => {
    live.textContent = describe(cursor.r, cursor.c);
    draw();
  });
  canvas.addEventListener("blur", draw);
  canvas.addEventListener("keydown", (e) => {
    const { r, c } = cursor;
    const rowLength = (row: number) => blocks[row].s.length;
    // Moving between rows keeps the same relative position along the row (rows have different channel counts).
    const across = (row: number) =>
      Math.min(rowLength(row) - 1, Math.floor(((c + 0.5) / rowLength(r)) * rowLength(row)));
    const moves: Record<string, () => { r: number; c: number }> = {
      ArrowLeft: () => ({ r, c: Math.max(0, c - 1) }),
      ArrowRight: () => ({ r, c: Math.min(rowLength(r) - 1, c + 1) }),
      ArrowUp: () => ({ r: Math.max(0, r - 1), c: across(Math.max(0, r - 1)) }),
      ArrowDown: () => ({
        r: Math.min(blocks.length - 1, r + 1),
        c: across(Math.min(blocks.length - 1, r + 1)),
      }),
      Home: () => ({ r, c: 0 }),
      End: () => ({ r, c: rowLength(r) - 1 }),
    };
    if (moves[e.key]) {
      e.preventDefault();
      cursor = moves[e.key]();
      live.textContent = describe(cursor.r, cursor.c);
      draw();
    } else if (!baseline && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      select(cursor);
    }
  });

  const legend = document.createElement("p");
  legend.className = "se-xheatmap-legend";
  const ramp = document.createElement("canvas");
  ramp.width = 160;
  ramp.height = 10;
  const rampContext = ramp.getContext("2d");
  if (rampContext)
    for (let i = 0; i < 160; i++) {
      const t = i / 159;
      rampContext.fillStyle = colour(baseline ? -maxDelta + 2 * maxDelta * t : t);
      rampContext.fillRect(i, 0, 1, 10);
    }
  const [lo, hi] = baseline ? [d3.format("+.2f")(-maxDelta), d3.format("+.2f")(maxDelta)] : ["s = 0", "1"];
  legend.append(`${lo} `, ramp, ` ${hi}${baseline ? " (change of s)" : ""}`);

  scroller.append(canvas, tip);
  root.append(scroller, legend, live);
  // The canvas inherits the text colour only once in the document.
  requestAnimationFrame(draw);
  draw();
  return root;
}
