/** How the command line shows an error: a clear message, never a stack trace (CONTRACT.md section 4). */
import { type ErrorBody, exitCodeFor, type StratexError } from '@stratex/core';
import type { CliIo } from './io.js';

/**
 * Prints `error` (with `--json`, `body` — the JSON error body or failed result — on stdout; otherwise a
 * message on stderr) and returns the exit code: 2 for INVALID_REQUEST and CODE_REJECTED, else 1.
 */
export function reportError(io: CliIo, error: StratexError | ErrorBody['error'], json: boolean, body?: unknown): 1 | 2 {
  const plain = { code: error.code, message: error.message, details: error.details };
  if (json) {
    io.stdout.write(`${JSON.stringify(body ?? { error: withoutUndefined(plain) })}\n`);
  } else {
    io.stderr.write(`error ${plain.code}: ${plain.message}\n${detailLines(plain.details)}`);
  }
  return exitCodeFor(error.code);
}

function withoutUndefined(error: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(error).filter(([, value]) => value !== undefined));
}

/** Details worth lines of their own for a reader: the strategy's traceback and what it printed. */
function detailLines(details: Record<string, unknown> | undefined): string {
  const { traceback, logs } = details ?? {};
  let text = typeof traceback === 'string' && traceback !== '' ? `${traceback.trimEnd()}\n` : '';
  if (typeof logs === 'string' && logs !== '') {
    text += `strategy output:\n${logs
      .trimEnd()
      .split('\n')
      .map((line) => `  | ${line}\n`)
      .join('')}`;
  }
  return text;
}
