/** How a resolved request is written back in a result: defaults visible, dates as ISO strings. */

import { codeHash } from './data-hash.js';
import type { ExecutionRequest, ResolvedRequest } from './execution-request.js';
import type { RequestAsRun } from './execution-result.js';

/** The request as run; `parameters` are those the strategy saw (its defaults merged with the overrides). */
export function requestAsRun(request: ResolvedRequest, parameters: Record<string, unknown>): RequestAsRun {
  const asRun: RequestAsRun = {
    mode: 'BACKTEST',
    language: request.language,
    codeHash: codeHash(request.code),
    providerId: request.providerId,
    symbol: request.symbol,
    timeframe: request.timeframe,
    startDate: new Date(request.from).toISOString(),
    endDate: new Date(request.to).toISOString(),
    parameters,
    warmup: request.warmup,
    ...request.options,
    limits: request.limits,
  };
  if (request.strategyId !== undefined) asRun.strategyId = request.strategyId;
  if (request.seed !== undefined) asRun.seed = request.seed;
  return asRun;
}

/** Echo of a request that failed validation: only the fields that are plain scalars, never the source. */
export function requestAsReceived(request: ExecutionRequest): Record<string, unknown> {
  if (typeof request !== 'object' || request === null) return {};
  const echo: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (key !== 'code' && (typeof value === 'string' || typeof value === 'number')) echo[key] = value;
  }
  return echo;
}
