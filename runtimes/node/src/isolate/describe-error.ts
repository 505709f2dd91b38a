/**
 * Reads what a strategy threw into plain strings. The thrown value may be anything (a number, a
 * proxy, an object whose `message` getter throws); each property is read once, inside a try, and only
 * strings survive. The child turns this into a contract error (../child/classify-error.ts).
 */
import { clip, toText } from './intrinsics.js';
import { isSandboxViolation } from './sandbox-violation.js';

export interface ThrownDescription {
  name: string;
  message: string;
  stack: string;
  sandbox: boolean;
}

const MAX_TEXT = 8192;

function readText(value: object, key: string): string | undefined {
  try {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'string') return clip(item, MAX_TEXT);
    if (typeof item === 'number' || typeof item === 'boolean') return toText(item);
  } catch {
    // An accessor that throws leaves this part of the description empty.
  }
  return undefined;
}

/** A description of any thrown value; never throws itself. */
export function describeThrown(thrown: unknown): ThrownDescription {
  if (typeof thrown !== 'object' || thrown === null) {
    const text = typeof thrown === 'symbol' ? 'a symbol' : clip(toText(thrown), MAX_TEXT);
    return { name: 'Error', message: `a non-Error value was thrown: ${text}`, stack: '', sandbox: false };
  }
  return {
    name: readText(thrown, 'name') ?? 'Error',
    message: readText(thrown, 'message') ?? '',
    stack: readText(thrown, 'stack') ?? '',
    sandbox: isSandboxViolation(thrown),
  };
}
