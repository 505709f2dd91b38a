/** Execution ids: `exe_` + time (so ids sort by creation) + randomness (so they cannot be guessed). */
import { randomBytes } from 'node:crypto';

/**
 * What an execution id looks like: what newExecutionId makes (`exe_`, 9+ base36 time digits, 16 hex),
 * with room for a longer clock. The API refuses any other id before a lookup and the repo before a
 * write, so an id never carries a path, a key separator or a user's text into storage.
 */
const EXECUTION_ID = /^exe_[0-9a-z]{1,64}$/;

/** A new id such as `exe_0lx3k2a9c4f1e8b2d7a6c5e4`. */
export function newExecutionId(now: number = Date.now()): string {
  return `exe_${now.toString(36).padStart(9, '0')}${randomBytes(8).toString('hex')}`;
}

/** Whether `id` has the shape of an execution id (not whether one exists). */
export function isExecutionId(id: string): boolean {
  return EXECUTION_ID.test(id);
}
