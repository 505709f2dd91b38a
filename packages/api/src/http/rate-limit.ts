/** 429 RATE_LIMITED with Retry-After once a user has used up their bucket. */
import { type Clock, StratexError } from '@stratex/core';
import type { MiddlewareHandler } from 'hono';
import type { RateLimitConfig } from '../deps.js';
import type { ApiEnv } from './api-env.js';
import { errorResponse } from './error-response.js';
import { createTokenBuckets } from './token-bucket.js';

export function rateLimit(config: RateLimitConfig, clock: Clock): MiddlewareHandler<ApiEnv> {
  const buckets = createTokenBuckets(config, clock);
  return async (c, next) => {
    const retryAfter = buckets.take(c.get('userId'));
    if (retryAfter > 0) {
      const error = new StratexError('RATE_LIMITED', `too many requests: retry in ${retryAfter} s`, {
        retryAfterSeconds: retryAfter,
      });
      return errorResponse(c, error, { 'Retry-After': String(retryAfter) });
    }
    await next();
  };
}
