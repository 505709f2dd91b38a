/**
 * Metrics of CONTRACT.md section 3, as pure functions of trades, equity and bars.
 * (Stub: filled in by the metrics work; the signature is fixed.)
 */
import type { Metrics, Trade } from '../types.js';

export interface MetricsInput {
  trades: readonly Trade[];
  /** Equity per counted bar; the last point is after the end-of-data close. */
  equity: Float64Array;
  /** Bar open times, ms UTC, one per counted bar. */
  time: ArrayLike<number>;
  /** Closes of the counted bars (buy & hold, alpha and beta). */
  close: ArrayLike<number>;
}

export function computeMetrics(_input: MetricsInput): Metrics {
  throw new Error('computeMetrics: not built yet');
}

/** Drawdown from the running peak in percent (≤ 0), one per point of `equity`. */
export function drawdownPct(_equity: Float64Array): Float64Array {
  throw new Error('drawdownPct: not built yet');
}
