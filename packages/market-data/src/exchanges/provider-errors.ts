/** Turns what ccxt throws into the contract's errors, with a message a user can act on and no keys in it. */
import { type ProviderKeys, StratexError } from '@stratex/core';
import type { ExchangeProfile } from './exchange-profiles.js';
import { type CcxtErrors, HttpFailure, MalformedAnswer } from './load-exchange.js';
import { scrubSecrets } from './scrub-secrets.js';

/** HTTP statuses worth another try: timeouts, rate limits (418 is Binance's ban warning) and server errors. */
const TRANSIENT_STATUS = new Set([408, 418, 425, 429]);

/**
 * Whether a failure may pass on its own: an HTTP 408/418/425/429 or 5xx answer whatever ccxt made of its
 * body; otherwise ccxt's NetworkError family (refused connection, timeout, an exchange's "busy" inside a
 * 2xx answer). Other 4xx answers are permanent even where ccxt files them under ExchangeNotAvailable.
 */
export function isTransient(errors: CcxtErrors, err: unknown): boolean {
  if (err instanceof HttpFailure && err.status >= 400) return TRANSIENT_STATUS.has(err.status) || err.status >= 500;
  // A 2xx answer with an error inside (Kraken's `EService:Unavailable`): ccxt's reading of it decides.
  const cause = err instanceof HttpFailure ? err.original : err;
  return cause instanceof errors.NetworkError;
}

/** The StratexError for `err` thrown while talking to the exchange of `profile`. */
export function toProviderError(
  err: unknown,
  profile: ExchangeProfile,
  errors: CcxtErrors | undefined,
  keys: ProviderKeys | undefined,
  attempts: number,
): StratexError {
  if (err instanceof StratexError) return scrubbed(err, keys);
  const name = profile.name;
  const reason = scrubSecrets(shortReason(err), keys);
  const details = { provider: profile.id, reason };
  if (err instanceof MalformedAnswer) {
    return new StratexError('PROVIDER_ERROR', `${name} answered something that is not JSON; try again later`, details);
  }
  if (errors === undefined) {
    return new StratexError('PROVIDER_ERROR', `${name} could not be reached: ${reason}`, details);
  }
  const cause = err instanceof HttpFailure ? err.original : err;
  if (isAuthFailure(errors, err, cause)) {
    return new StratexError(
      'PROVIDER_ERROR',
      `${name} rejected the API keys (${reason}); check them and store them again with \`stratex keys set ${profile.id}\``,
      details,
    );
  }
  if (cause instanceof errors.BadSymbol) {
    return new StratexError('DATA_UNAVAILABLE', `${name} does not serve this symbol: ${reason}`, details);
  }
  if (isTransient(errors, err)) {
    return new StratexError(
      'PROVIDER_ERROR',
      `${name} did not answer properly after ${attempts} attempts (${reason}); try again later`,
      details,
    );
  }
  return new StratexError('PROVIDER_ERROR', `${name} refused the request: ${reason}`, details);
}

function isAuthFailure(errors: CcxtErrors, err: unknown, cause: unknown): boolean {
  if (err instanceof HttpFailure && (err.status === 401 || err.status === 403)) return true;
  return cause instanceof errors.AuthenticationError || cause instanceof errors.PermissionDenied;
}

/** The first line of an error message, at most 300 characters. */
function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split('\n', 1)[0].trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line || 'no reason given';
}

function scrubbed(err: StratexError, keys: ProviderKeys | undefined): StratexError {
  const message = scrubSecrets(err.message, keys);
  if (message === err.message) return err;
  return new StratexError(err.code, message, err.details);
}
