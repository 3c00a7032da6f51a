// Table 1 of the paper, typeset from the rows that lib/models/table1.ts derives from each architecture: one
// column per model, the residual block's layers stacked in brackets with the repeat count, SE FCs highlighted.
import type { Table1Row } from "../lib/models/table1.js";

function cell(row: Table1Row): HTMLElement {
  const td = document.createElement("td");
  if (row.repeat === 1 && row.items.length === 1) {
    td.textContent = row.items[0];
    return td;
  }
  const items = document.createElement("span");
  items.className = "se-items";
  for (const item of row.items) {
    const line = document.createElement("div");
    line.textContent = item;
    if (row.se && item === row.se) line.className = "se-se-item";
    items.append(line);
  }
  td.append(items, ` ×${row.repeat}`);
  return td;
}

export function table1Table(models: { name: string; rows: Table1Row[] }[]): HTMLTableElement {
  const [first] = models;
  for (const m of models)
    if (m.rows.length !== first.rows.length)
      throw new Error(`Table 1: ${m.name} has a different number of rows`);
  const table = document.createElement("table");
  table.className = "se-table se-table1";
  const head = table.createTHead().insertRow();
  for (const label of ["stage", "output size", ...models.map((m) => m.name)]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  first.rows.forEach((row, i) => {
    const tr = body.insertRow();
    tr.insertCell().textContent = row.stage;
    tr.insertCell().textContent = row.outputSize;
    for (const m of models) tr.append(cell(m.rows[i]));
  });
  table.createCaption().textContent =
    "Generated from the model definitions (src/lib/models): brackets hold one residual block, ×N its repeat count; the highlighted fc line is the SE module's two FC layers (output dimensions).";
  return table;
}
