// The numbers behind a chart, collapsed under a <details> below it: per-channel values (the text alternative of
// channelBars) and a weight matrix's summary (of matrixHeatmap). Rows that are channels carry data-channel, so
// hovering one lights the channel up in the charts too.
import { summarizeMatrix } from "../lib/matrixSummary.js";
import { table } from "./table.js";

export interface ChannelColumn {
  label: string;
  /** One value per channel. */
  values: ArrayLike<number>;
  format?: (v: number) => string;
}

export interface NumbersOptions {
  /** The <summary> line, e.g. "The numbers behind the chart". */
  summary: string;
  caption: string;
}

const fourDecimals = (v: number) => v.toFixed(4); // fixed decimals line up in a numeric column

function details(summary: string, ...content: Node[]): HTMLDetailsElement {
  const element = document.createElement("details");
  element.append(Object.assign(document.createElement("summary"), { textContent: summary }), ...content);
  return element;
}

/** A table of one row per channel with a column per vector; a long one scrolls in its own box. */
export function channelNumbers(
  columns: ChannelColumn[],
  { summary, caption }: NumbersOptions,
): HTMLDetailsElement {
  const channels = Array.from({ length: columns[0]?.values.length ?? 0 }, (_, c) => c);
  const box = Object.assign(document.createElement("div"), { className: "se-table-scroll", tabIndex: 0 });
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", caption);
  box.append(
    table(channels, {
      caption,
      dataset: (c) => ({ channel: String(c) }),
      columns: [
        { label: "channel", numeric: true, value: (c) => String(c) },
        ...columns.map(({ label, values, format = fourDecimals }) => ({
          label,
          numeric: true,
          value: (c: number) => format(values[c]),
        })),
      ],
    }),
  );
  return details(summary, box);
}

export interface MatrixNumbersOptions extends NumbersOptions {
  /** [rows, cols] of the row-major values. */
  shape: [number, number];
  /** What a row and a column index, e.g. "channel" and "hidden unit". */
  rowLabel: string;
  colLabel: string;
  /** Which axis indexes the block's channels (for data-channel). */
  channelAxis: "rows" | "cols";
}

/** Largest-magnitude entries listed: enough to name the strongest connections, few enough to read. */
const TOP = 5;

/** The matrix's shape, range and mean, and its largest-magnitude entries with their row and column. */
export function matrixNumbers(values: ArrayLike<number>, options: MatrixNumbersOptions): HTMLDetailsElement {
  const { summary, caption, shape, rowLabel, colLabel, channelAxis } = options;
  const s = summarizeMatrix(values, shape, TOP);
  const overview = table(
    [
      ["shape", `${s.rows} × ${s.cols}`],
      ["smallest", fourDecimals(s.min)],
      ["largest", fourDecimals(s.max)],
      ["mean", fourDecimals(s.mean)],
    ],
    {
      caption,
      columns: [
        { label: "measure", value: ([what]) => what },
        { label: "value", numeric: true, value: ([, value]) => value },
      ],
    },
  );
  const largest = table(s.largest, {
    caption: `The ${s.largest.length} entries of largest magnitude.`,
    dataset: (e) => ({ channel: String(channelAxis === "rows" ? e.row : e.col) }),
    columns: [
      { label: rowLabel, numeric: true, value: (e) => String(e.row) },
      { label: colLabel, numeric: true, value: (e) => String(e.col) },
      { label: "weight", numeric: true, value: (e) => fourDecimals(e.value) },
    ],
  });
  return details(summary, overview, largest);
}
