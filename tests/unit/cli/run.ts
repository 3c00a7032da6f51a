// Runs one of the command-line tools (cli/<script>) as a user would, capturing exit code and output.
import { execFile } from "node:child_process";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..", "..");

export function run(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(root, "cli", script), ...args],
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}
