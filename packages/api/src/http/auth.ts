/**
 * `Authorization: Bearer <key>` → the user id, or 401. The key itself is never logged or echoed.
 * Guessing is slowed per client address (when the composer can tell it): each failed attempt takes a
 * token of the address's bucket, and an address whose bucket is empty is answered 429 without its key
 * being checked, so a right guess cannot be told from a wrong one until the bucket refills.
 */
import { type Clock, StratexError } from '@stratex/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiDeps, RateLimitConfig } from '../deps.js';
import { isUsableUserId } from '../executions/blob-keys.js';
import type { ApiEnv } from './api-env.js';
import { errorResponse } from './error-response.js';
import { createTokenBuckets } from './token-bucket.js';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

const UNAUTHORIZED = () =>
  new StratexError('UNAUTHORIZED', 'a valid API key is required: send the header Authorization: Bearer <key>');

export interface AuthenticationOptions {
  authenticate: ApiDeps['authenticate'];
  clientAddress: ApiDeps['clientAddress'];
  /** Failed attempts an address may make at once, and how fast it may make more. */
  failures: RateLimitConfig;
  clock: Clock;
}

export function authentication(options: AuthenticationOptions): MiddlewareHandler<ApiEnv> {
  const failures = createTokenBuckets(options.failures, options.clock);
  return async (c, next) => {
    const address = clientOf(c, options.clientAddress);
    const wait = address === undefined ? 0 : failures.wait(address);
    if (wait > 0) return tooManyFailures(c, wait);
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const userId = token === undefined ? undefined : await options.authenticate(token);
    if (userId === undefined) {
      if (address !== undefined) failures.take(address);
      return errorResponse(c, UNAUTHORIZED(), { 'WWW-Authenticate': 'Bearer' });
    }
    // Fails closed before anything is stored under an id the stores cannot key (a 500, logged).
    if (!isUsableUserId(userId)) throw new Error('authenticate returned a user id that is not 1 to 128 bytes');
    c.set('userId', userId);
    await next();
  };
}

function clientOf(c: Context, clientAddress: ApiDeps['clientAddress']): string | undefined {
  const address = clientAddress?.(c);
  return typeof address === 'string' && address !== '' ? address.slice(0, 64) : undefined;
}

function tooManyFailures(c: Context, seconds: number): Response {
  const error = new StratexError('RATE_LIMITED', `too many failed API keys from this address: retry in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
  return errorResponse(c, error, { 'Retry-After': String(seconds) });
}
