/**
 * The HTTP API of CONTRACT.md section 6 as a Hono app built from ports: the same app is served by
 * `stratex serve` (packages/local) and by the cloud's API function.
 */
import { StratexError } from '@stratex/core';
import { Hono } from 'hono';
import { type ApiDeps, DEFAULT_FAILED_AUTH_LIMIT, DEFAULT_RATE_LIMIT } from './deps.js';
import { executionRoutes } from './executions/execution-routes.js';
import type { ApiEnv } from './http/api-env.js';
import { authentication } from './http/auth.js';
import { errorResponse, handleError } from './http/error-response.js';
import { rateLimit } from './http/rate-limit.js';
import { openApiDocument } from './openapi.js';

export const API_VERSION = 'v1';

export function createApp(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const version = deps.version ?? '0.0.0';
  app.use('*', async (c, next) => {
    await next();
    // Answers hold users' results: no caching, no content sniffing.
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.get('/health', (c) => c.json({ status: 'ok', version }));
  app.get('/openapi.json', (c) => c.json(openApiDocument(version)));
  app.use(
    '/v1/*',
    authentication({
      authenticate: deps.authenticate,
      clientAddress: deps.clientAddress,
      failures: { ...DEFAULT_FAILED_AUTH_LIMIT, ...deps.failedAuthLimit },
      clock: deps.clock,
    }),
  );
  app.use('/v1/*', rateLimit({ ...DEFAULT_RATE_LIMIT, ...deps.rateLimit }, deps.clock));
  app.route('/v1/executions', executionRoutes(deps));
  // The path is not echoed: it is the caller's text, and may spell a host path (`/../../etc/passwd`).
  app.notFound((c) => errorResponse(c, new StratexError('NOT_FOUND', 'no such route: see /openapi.json')));
  app.onError(handleError(deps.onInternalError));
  return app;
}
