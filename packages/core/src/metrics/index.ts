/**
 * Metrics of CONTRACT.md section 3, as pure functions of trades, equity and bars: backtesting.py
 * 0.6's `compute_stats` (docs/METRICS.md lists every definition and the one deliberate difference).
 */
export type { MetricsInput } from './compute-metrics.js';
export { computeMetrics } from './compute-metrics.js';
export { drawdownPct } from './drawdowns.js';
