/** The StratexError a call fails with, for tests of error paths. */
import { StratexError } from '@stratex/core';
import { expect } from 'vitest';

/** The StratexError a call throws (or rejects with); fails the test when it throws nothing or something else. */
export async function caught(call: () => unknown): Promise<StratexError> {
  try {
    await call();
  } catch (err) {
    expect(err).toBeInstanceOf(StratexError);
    return err as StratexError;
  }
  throw new Error('expected a StratexError, but nothing was thrown');
}

/** The StratexError a promise rejects with (see caught). */
export function rejection(promise: Promise<unknown>): Promise<StratexError> {
  return caught(() => promise);
}
