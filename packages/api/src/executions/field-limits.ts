/**
 * Bounds on what one request may hand the server, checked before anything is stored or run: short
 * fields become attributes of the execution record (a DynamoDB item holds 400 KB at most), parameters
 * travel as JSON to the runtime and back in the result (JSON.stringify recurses, so a deeply nested
 * value would overflow the stack), and code has the size limit of the runtime that would run it.
 */
import { StratexError } from '@stratex/core';
import { invalid } from '../http/error-response.js';

/** Longest value of each short text field, in characters. */
export const MAX_TEXT_LENGTH: Record<string, number> = {
  strategyId: 128,
  language: 16,
  providerId: 32,
  symbol: 64,
  timeframe: 16,
  startDate: 64,
  endDate: 64,
  mode: 16,
};

/** Largest `parameters` as JSON (bytes of UTF-16 code units, near enough) and deepest nesting below it. */
export const MAX_PARAMETERS_CHARS = 64 * 1024;
export const MAX_PARAMETERS_DEPTH = 8;

/**
 * The runtimes' own limits (runtimes/python validation.py: 100 KB; runtimes/node: 1 MB), applied here so
 * an oversized strategy is refused before it is stored or queued, with the code the runtime would give.
 */
const MAX_CODE_BYTES: Record<string, number> = { python: 100_000, javascript: 1024 * 1024, typescript: 1024 * 1024 };

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

export function checkTextField(field: string, value: string): void {
  const max = MAX_TEXT_LENGTH[field];
  if (max !== undefined && value.length > max) {
    throw invalid(`${field} is longer than ${max} characters`, { field });
  }
  if (CONTROL.test(value)) throw invalid(`${field} holds a control character`, { field });
}

export function checkCodeSize(code: string, language: string): void {
  const max = MAX_CODE_BYTES[language] ?? Math.max(...Object.values(MAX_CODE_BYTES));
  if (utf8Length(code) > max) {
    const size = max >= 1024 * 1024 ? `${max / 1024 / 1024} MB` : `${max / 1000} KB`;
    throw new StratexError('CODE_REJECTED', `the strategy is larger than ${size}`, {
      line: 1,
      field: 'code',
    });
  }
}

/** Depth first without recursion, so the check itself cannot overflow the stack. */
function depthOf(root: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function checkParameters(parameters: Record<string, unknown>): void {
  // The object itself is level 1: a value such as {"fast": [1, 2]} nests 2 levels.
  if (depthOf(parameters, MAX_PARAMETERS_DEPTH) > MAX_PARAMETERS_DEPTH) {
    throw invalid(`parameters nest deeper than ${MAX_PARAMETERS_DEPTH} levels`, { field: 'parameters' });
  }
  if (JSON.stringify(parameters).length > MAX_PARAMETERS_CHARS) {
    throw invalid(`parameters are larger than ${MAX_PARAMETERS_CHARS / 1024} KB as JSON`, { field: 'parameters' });
  }
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
