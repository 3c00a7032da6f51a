// The backend self-test results as an accessible table (one row per backend).
import type { BackendCheck } from "../lib/backendCheck.js";

function cell(row: HTMLTableRowElement, text: string, className = ""): void {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
}

export function backendTable(checks: BackendCheck[], { active }: { active: string }): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "se-table";
  table.createCaption().textContent =
    "Each backend runs a seeded 3×3 convolution (compared with the cpu backend) and 4096 samples of tf.randomNormal.";
  const head = table.createTHead().insertRow();
  for (const [label, num] of [
    ["backend", false],
    ["status", false],
    ["max |conv − cpu|", true],
    ["normal mean", true],
    ["normal std", true],
    ["conv + read-back (ms)", true],
  ] as const) {
    const th = document.createElement("th");
    th.textContent = label;
    if (num) th.className = "num";
    head.append(th);
  }
  const body = table.createTBody();
  for (const check of checks) {
    const row = body.insertRow();
    row.dataset.backend = check.backend;
    row.dataset.ok = String(check.ok);
    cell(row, check.backend + (check.backend === active ? " (active)" : ""));
    cell(
      row,
      check.ok ? "works" : `fails: ${check.error ?? "results out of tolerance"}`,
      check.ok ? "se-ok" : "se-fail",
    );
    cell(row, Number.isNaN(check.convMaxAbsDiff) ? "–" : check.convMaxAbsDiff.toExponential(1), "num");
    cell(row, Number.isNaN(check.randomNormalMean) ? "–" : check.randomNormalMean.toFixed(3), "num");
    cell(row, Number.isNaN(check.randomNormalStd) ? "–" : check.randomNormalStd.toFixed(3), "num");
    cell(row, Number.isNaN(check.convMs) ? "–" : check.convMs.toFixed(1), "num");
  }
  return table;
}
