/**
 * Every failure as CONTRACT.md section 4's body `{"error": {code, message, details?}}` with the HTTP status
 * its code means. Only StratexError messages reach a client; anything else is a bland 500.
 */
import { type ErrorCode, StratexError } from '@stratex/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * HTTP status of an error code. The run-time codes (STRATEGY_ERROR, TIMEOUT, MEMORY_LIMIT,
 * SANDBOX_VIOLATION) normally arrive inside a 200 result with `status: "failed"` (executionStatus);
 * thrown outside a run they would be a server fault.
 */
export const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  INVALID_REQUEST: 400,
  CODE_REJECTED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  DATA_UNAVAILABLE: 404,
  PROVIDER_ERROR: 502,
  LLM_UNAVAILABLE: 503,
  STRATEGY_ERROR: 500,
  TIMEOUT: 500,
  MEMORY_LIMIT: 500,
  SANDBOX_VIOLATION: 500,
  INTERNAL: 500,
};

const INTERNAL_MESSAGE = 'An internal error occurred; please try again or report it.';

/** The JSON response of a contract error. */
export function errorResponse(c: Context, error: StratexError, headers: Record<string, string> = {}): Response {
  return c.json(error.toBody(), HTTP_STATUS[error.code], headers);
}

/**
 * Hono's onError: a StratexError as its body; anything else (a bug, a port that failed) as a 500 whose
 * message says nothing of the host — the original goes to `log` for the operator only.
 */
export function handleError(log: ((err: unknown) => void) | undefined) {
  return (err: unknown, c: Context): Response => {
    // An INTERNAL thrown by a port (a blob store, a table) may word its cause for the operator: log it,
    // answer the bland message like any other fault.
    if (err instanceof StratexError && err.code !== 'INTERNAL') return errorResponse(c, err);
    log?.(err);
    return errorResponse(c, new StratexError('INTERNAL', INTERNAL_MESSAGE));
  };
}

/** Shorthands for the errors routes throw. */
export function invalid(message: string, details?: Record<string, unknown>): StratexError {
  return new StratexError('INVALID_REQUEST', message, details);
}

export function notFound(message: string): StratexError {
  return new StratexError('NOT_FOUND', message);
}
