// A status line for slow work (weights download, shader warm-up, inference on a large model): a task appears only
// once it has run for 300 ms, so quick steps do not flicker, and leaves when its promise settles. Screen readers
// hear it through role="status"; tests wait for data-busy to go.

export interface ProgressStatus extends HTMLElement {
  /** Shows `label` while `work` runs (after 300 ms); returns `work`. */
  track<T>(label: string, work: Promise<T>): Promise<T>;
  /** Shows a task with a fraction done at once, e.g. after each batch; `update(label, 1)` ends it. */
  update(label: string, fraction: number): void;
}

const PROGRESS_DELAY_MS = 300;

export function progressStatus(): ProgressStatus {
  const root = document.createElement("div") as unknown as ProgressStatus;
  root.className = "se-progress";
  root.setAttribute("role", "status");
  const shown = new Map<string, string>();
  let tasks = 0;
  const render = () => {
    root.replaceChildren(
      ...[...shown.values()].map((text) =>
        Object.assign(document.createElement("span"), { textContent: text }),
      ),
    );
    if (shown.size) root.dataset.busy = "true";
    else delete root.dataset.busy;
  };
  root.track = (label, work) => {
    const key = `${label}#${++tasks}`;
    const timer = setTimeout(() => {
      shown.set(key, `${label}…`);
      render();
    }, PROGRESS_DELAY_MS);
    const done = () => {
      clearTimeout(timer);
      if (shown.delete(key)) render();
    };
    work.then(done, done);
    return work;
  };
  root.update = (label, fraction) => {
    if (fraction >= 1) shown.delete(label);
    else shown.set(label, `${label}: ${Math.round(fraction * 100)} %`);
    render();
  };
  return root;
}
