/**
 * Whether a backtest is small enough to answer at once (CONTRACT.md section 6: ≤ 200,000 bars and a
 * timeout ≤ 20 s). Bars are estimated from the dates and the timeframe, warm-up included, before any
 * data is read.
 */
import type { ResolvedRequest } from '@stratex/core';
import type { ApiLimits } from '../deps.js';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Bar length of a timeframe such as `1h`, or undefined. The market-data package is the authority on
 * timeframes (it rejects bad ones with INVALID_REQUEST when the run reads data); this only sizes the run.
 */
function barLengthMs(timeframe: string): number | undefined {
  const match = /^([1-9]\d{0,3})([smhdw])$/.exec(timeframe);
  return match === null ? undefined : Number(match[1]) * UNIT_MS[match[2]];
}

/** Upper bound of the bars a run reads; a timeframe it cannot read counts as small (the run rejects it). */
export function estimatedBars(request: ResolvedRequest): number {
  const barMs = barLengthMs(request.timeframe);
  if (barMs === undefined) return 0;
  return Math.ceil((request.to - request.from) / barMs) + request.warmup;
}

export function runsSynchronously(request: ResolvedRequest, limits: ApiLimits): boolean {
  return estimatedBars(request) <= limits.syncMaxBars && request.limits.timeoutMs <= limits.syncMaxTimeoutMs;
}
