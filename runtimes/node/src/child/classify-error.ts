/**
 * Turns what went wrong in the isolate into a contract error (CONTRACT.md section 4): the user's line
 * number and a traceback of the user's own frames only (no SDK, child or host frames, no paths).
 */
import type { ThrownDescription } from '../isolate/describe-error.js';
import type { JobFailure } from '../job-failure.js';

/** What the classifier needs to know about the job. */
export interface JobSource {
  /** `strategy.js` or `strategy.ts`, the name the user's frames carry. */
  filename: string;
  /** The user's source lines (to clamp line numbers and look at the failing line). */
  lines: string[];
  timeoutMs: number;
  memoryMb: number;
}

const MAX_FRAMES = 12;
const MAX_MESSAGE = 2000;

/** The TIMEOUT failure of a job. */
export function timeoutFailure(source: JobSource): JobFailure {
  return {
    code: 'TIMEOUT',
    message: `The strategy did not finish within its time limit of ${source.timeoutMs / 1000} s`,
    details: { timeoutMs: source.timeoutMs },
  };
}

/** The MEMORY_LIMIT failure of a job. */
export function memoryFailure(source: JobSource): JobFailure {
  return {
    code: 'MEMORY_LIMIT',
    message: `The strategy used more than its memory limit of ${source.memoryMb} MB`,
    details: { memoryMb: source.memoryMb },
  };
}

/** A failure for a value the strategy threw (as described inside the isolate). */
export function thrownFailure(thrown: ThrownDescription, source: JobSource): JobFailure {
  const where = locateThrown(thrown.stack, thrown.message, source);
  if (thrown.name === 'RangeError' && thrown.message.includes('Array buffer allocation failed')) {
    return memoryFailure(source);
  }
  const lineText = where.line === undefined ? '' : (source.lines[where.line - 1] ?? '');
  if (thrown.sandbox) return sandboxFailure(thrown.message, where);
  if (thrown.message === 'Not supported' && /\bimport\s*\(/.test(lineText)) {
    return sandboxFailure('import() is not available: strategies run without modules, files or network', where);
  }
  const name = thrown.name || 'Error';
  const message = clip(thrown.message.replace(/ \[[^\]]*:\d+:\d+\]$/, ''), MAX_MESSAGE);
  const details: Record<string, unknown> = { ...where.details };
  const traceback = userTraceback(thrown.stack, name, message, source);
  if (traceback !== '') details.traceback = traceback;
  const at = where.line === undefined ? '' : ` (line ${where.line})`;
  return { code: 'STRATEGY_ERROR', message: `${name}: ${message}${at}`, details };
}

/** A SANDBOX_VIOLATION failure at a known place. */
export function sandboxFailure(message: string, where: Located = locate('', undefined)): JobFailure {
  return { code: 'SANDBOX_VIOLATION', message: clip(message, MAX_MESSAGE), details: { ...where.details } };
}

/** A STRATEGY_ERROR for a misuse the SDK found (no strategy, two entry points, bad params export). */
export function usageFailure(message: string): JobFailure {
  return { code: 'STRATEGY_ERROR', message: clip(message, MAX_MESSAGE) };
}

interface Located {
  line?: number;
  details: { line?: number; column?: number };
}

/** The first position in the user's file mentioned in `text` (a stack, or a `[file:l:c]` suffix). */
export function locate(text: string, source: JobSource | undefined): Located {
  if (source === undefined) return { details: {} };
  const match = new RegExp(`${escapeRegExp(source.filename)}:(\\d+):(\\d+)`).exec(text);
  if (match === null) return { details: {} };
  // The runtime appends one line to the module; an error reported there belongs to the last user line.
  const line = Math.min(Number(match[1]), Math.max(source.lines.length, 1));
  return { line, details: { line, column: Number(match[2]) } };
}

/** The position of the innermost user frame of a stack, else a `[file:l:c]` suffix of the message. */
export function locateThrown(stack: string, message: string, source: JobSource): Located {
  const frames = stack
    .split('\n')
    .filter((row) => /^\s+at /.test(row))
    .join('\n');
  const inFrames = locate(frames, source);
  return inFrames.line === undefined ? locate(message, source) : inFrames;
}

function userTraceback(stack: string, name: string, message: string, source: JobSource): string {
  const frames = stack
    .split('\n')
    .filter((row) => /^\s+at /.test(row) && row.includes(`${source.filename}:`))
    .slice(0, MAX_FRAMES)
    .map((row) => `    ${row.trim()}`);
  return frames.length === 0 ? '' : [`${name}: ${message}`, ...frames].join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
