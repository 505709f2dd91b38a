/** `simulate` of CONTRACT.md section 8: the fill rules, then drawdown and metrics. */
import { computeMetrics, drawdownPct } from '../metrics/index.js';
import type { NormalizedOutput } from '../output/normalized-output.js';
import type { Bars, SimulationOptions, SimulationResult, StrategyOutput } from '../types.js';
import { toPlainArray } from './plain-array.js';
import { runEngine } from './run.js';

/**
 * Simulates a strategy output over `bars` exactly as CONTRACT.md section 2 says and computes the
 * metrics of section 3. `output` is what a strategy returned (either key spelling), or the result of
 * `normalizeOutput`/`dropWarmup`; `options` default to cash 10000, no fee, no slippage, no lots.
 * The result is JSON-safe: trades and signals hold finite numbers only.
 */
export function simulate(
  bars: Bars,
  output: StrategyOutput | NormalizedOutput,
  options?: Partial<SimulationOptions>,
): SimulationResult {
  const run = runEngine(bars, output, options);
  const { time, close } = run.market;
  const metrics = computeMetrics({ trades: run.trades, equity: run.equity, time, close });
  return {
    trades: run.trades,
    signals: run.signals,
    equity: {
      time: toPlainArray(time),
      equity: toPlainArray(run.equity),
      drawdownPct: toPlainArray(drawdownPct(run.equity)),
    },
    metrics,
  };
}
