/** Runs `main` in-process with captured output, as a user's shell would see it. */
import { type BacktestOverrides, main } from '../index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], overrides: BacktestOverrides = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await main(argv, io, overrides);
  return { code, stdout, stderr };
}

/** Lines that look like a JavaScript stack frame (`    at fn (file:1:2)`). */
export const STACK_FRAME = /^\s+at .+[:(]/m;
