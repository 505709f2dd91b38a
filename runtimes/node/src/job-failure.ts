/**
 * A job's failure as plain data: what the child sends the host, which turns it into a StratexError.
 * The child does not load @stratex/core (it only needs the code names), so it starts faster.
 */
import type { ErrorCode } from '@stratex/core';

export interface JobFailure {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown inside the child (and by params resolution) to end a job with a given contract code. */
export class JobFailureError extends Error {
  constructor(readonly failure: JobFailure) {
    super(failure.message);
  }
}

/** Shorthand for throwing a failure. */
export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new JobFailureError(details === undefined ? { code, message } : { code, message, details });
}
