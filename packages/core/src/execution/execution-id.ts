/** Execution ids: `exe_` + time (so ids sort by creation) + randomness (so they cannot be guessed). */
import { randomBytes } from 'node:crypto';

/** A new id such as `exe_0lx3k2a9c4f1e8b2d7a6c5e4`. */
export function newExecutionId(now: number = Date.now()): string {
  return `exe_${now.toString(36).padStart(9, '0')}${randomBytes(8).toString('hex')}`;
}
