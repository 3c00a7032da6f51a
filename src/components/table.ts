// A plain, accessible HTML table: the text alternative of every chart, and the site's tabular results.

export interface Column<T> {
  label: string;
  value: (row: T) => string | Node;
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
  /** The header is for screen readers only: on screen the cells speak for themselves (a column of bars). */
  labelHidden?: boolean;
  className?: (row: T) => string;
}

export interface TableOptions<T> {
  columns: Column<T>[];
  caption?: string;
  /** data-* attributes per row (for tests and cross-highlighting). */
  dataset?: (row: T) => Record<string, string>;
  /** Marks rows to highlight (e.g. the selected reduction ratio). */
  highlight?: (row: T) => boolean;
}

export function table<T>(
  rows: readonly T[],
  { columns, caption, dataset, highlight }: TableOptions<T>,
): HTMLTableElement {
  const element = document.createElement("table");
  element.className = "se-table";
  if (caption) element.createCaption().textContent = caption;
  const head = element.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    if (column.labelHidden)
      th.append(
        Object.assign(document.createElement("span"), {
          className: "se-visually-hidden",
          textContent: column.label,
        }),
      );
    else th.textContent = column.label;
    if (column.numeric) th.className = "num";
    head.append(th);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    if (dataset) Object.assign(tr.dataset, dataset(row));
    if (highlight?.(row)) tr.className = "se-highlight";
    for (const column of columns) {
      const td = tr.insertCell();
      td.append(column.value(row));
      td.className = [column.numeric ? "num" : "", column.className?.(row) ?? ""].join(" ").trim();
    }
  }
  return element;
}
