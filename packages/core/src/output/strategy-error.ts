import { StratexError } from '../errors.js';

/**
 * The STRATEGY_ERROR for a bad value in what a strategy returned. `key` is spelled as the strategy
 * spelled it; `bar` is the index into the returned array (warm-up bars included), when one bar is at fault.
 */
export function outputError(message: string, key?: string, bar?: number): StratexError {
  const details: Record<string, unknown> = {};
  if (key !== undefined) details.key = key;
  if (bar !== undefined) details.bar = bar;
  return new StratexError('STRATEGY_ERROR', message, details);
}
