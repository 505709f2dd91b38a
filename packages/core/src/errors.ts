/** Error codes of CONTRACT.md section 4 and the one error class that carries them. */

export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'CODE_REJECTED',
  'STRATEGY_ERROR',
  'TIMEOUT',
  'MEMORY_LIMIT',
  'SANDBOX_VIOLATION',
  'DATA_UNAVAILABLE',
  'PROVIDER_ERROR',
  'LLM_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

/**
 * An error a user may see: its message must be actionable and must not contain host paths,
 * environment, keys or engine stack frames. Anything else that is thrown becomes `INTERNAL`.
 */
export class StratexError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'StratexError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

/** Exit code of the CLI for an error code (CONTRACT.md section 4). */
export function exitCodeFor(code: ErrorCode): 1 | 2 {
  return code === 'INVALID_REQUEST' || code === 'CODE_REJECTED' ? 2 : 1;
}

/** Turns anything thrown into a contract error; unknown failures become `INTERNAL` with a bland message. */
export function toStratexError(err: unknown): StratexError {
  if (err instanceof StratexError) return err;
  return new StratexError('INTERNAL', 'An internal error occurred; the run was not completed.');
}
