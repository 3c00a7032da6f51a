// A status line for slow work (weights download, shader warm-up, inference on a large model): a task appears only
// once it has run for 300 ms, so quick steps do not flicker, and leaves when its promise settles, however it settles
// (a task that failed halfway must not stay on the line, nor keep data-busy set). Screen readers hear it through
// role="status"; tests wait for data-busy to go.

export interface ProgressStatus extends HTMLElement {
  /** Shows `label` while `work` runs (after 300 ms); returns `work`. */
  track<T>(label: string, work: Promise<T>): Promise<T>;
  /**
   * Runs `work`, showing `label` with the fraction done that it reports (at once: a report means the work is slow)
   * until its promise settles; returns that promise. A synchronous throw becomes its rejection.
   */
  progress<T>(label: string, work: (report: (fraction: number) => void) => Promise<T>): Promise<T>;
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
  root.progress = <T>(label: string, work: (report: (fraction: number) => void) => Promise<T>) => {
    const key = `${label}#${++tasks}`;
    let settled = false;
    const show = (text: string) => {
      if (settled) return; // a report after the end would bring the task back for good
      shown.set(key, text);
      render();
    };
    const timer = setTimeout(() => show(`${label}…`), PROGRESS_DELAY_MS);
    const done = () => {
      settled = true;
      clearTimeout(timer);
      if (shown.delete(key)) render();
    };
    let promise: Promise<T>;
    try {
      promise = work((fraction) => show(`${label}: ${Math.round(fraction * 100)} %`));
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(done, done);
    return promise;
  };
  root.track = (label, work) => root.progress(label, () => work);
  return root;
}
