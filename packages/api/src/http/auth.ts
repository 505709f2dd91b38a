/** `Authorization: Bearer <key>` → the user id, or 401. The key itself is never logged or echoed. */
import { StratexError } from '@stratex/core';
import type { MiddlewareHandler } from 'hono';
import type { ApiDeps } from '../deps.js';
import { isUsableUserId } from '../executions/blob-keys.js';
import type { ApiEnv } from './api-env.js';
import { errorResponse } from './error-response.js';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

const UNAUTHORIZED = () =>
  new StratexError('UNAUTHORIZED', 'a valid API key is required: send the header Authorization: Bearer <key>');

export function authentication(authenticate: ApiDeps['authenticate']): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const userId = token === undefined ? undefined : await authenticate(token);
    if (userId === undefined) return errorResponse(c, UNAUTHORIZED(), { 'WWW-Authenticate': 'Bearer' });
    // Fails closed before anything is stored under an id the stores cannot key (a 500, logged).
    if (!isUsableUserId(userId)) throw new Error('authenticate returned a user id that is not 1 to 128 bytes');
    c.set('userId', userId);
    await next();
  };
}
