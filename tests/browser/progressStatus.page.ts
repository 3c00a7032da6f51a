// Drives progressStatus for tests/browser/progressStatus.test.ts: each scenario returns what the status line showed
// (its text and data-busy) at the moments the test checks.
import { progressStatus } from "../../src/components/progressStatus.js";

const status = progressStatus();
document.body.append(status);

interface Line {
  text: string;
  busy: string | null;
}

const line = (): Line => ({ text: status.textContent ?? "", busy: status.dataset.busy ?? null });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const api = {
  /** Work that reports half done, then fails (as the mean excitations can, e.g. on a lost device). */
  async failsHalfway(): Promise<{ during: Line; after: Line; error: string }> {
    let during!: Line;
    const error = await status
      .progress("mean excitations", async (report) => {
        report(0.5);
        during = line();
        throw new Error("device lost");
      })
      .then(
        () => "resolved",
        (e: Error) => e.message,
      );
    return { during, after: line(), error };
  },
  /** Work that throws before it returns a promise. */
  async throwsAtOnce(): Promise<{ after: Line; error: string }> {
    const error = await status
      .progress("inputs", () => {
        throw new Error("no inputs");
      })
      .then(
        () => "resolved",
        (e: Error) => e.message,
      );
    return { after: line(), error };
  },
  /** A report that comes after the work settled (a late batch callback) must not bring the task back. */
  async reportsLate(): Promise<Line> {
    let late!: (fraction: number) => void;
    await status.progress("batches", async (report) => {
      late = report;
    });
    late(0.9);
    return line();
  },
  /** Tracked work: shown only after 300 ms, gone once it settles, also when it fails. */
  async tracked(): Promise<{ quick: Line; slow: Line; after: Line }> {
    await status.track("quick", Promise.reject(new Error("refused"))).catch(() => undefined);
    const quick = line();
    const slow = status.track("reading", pause(600));
    await pause(450);
    const during = line();
    await slow;
    return { quick, slow: during, after: line() };
  },
};

export type ProgressStatusPage = typeof api;
(window as unknown as { progressStatusTest: ProgressStatusPage }).progressStatusTest = api;
