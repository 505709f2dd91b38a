/**
 * The bar loop (CONTRACT.md section 2): for each bar k — gap exits at the open, the signals of bar
 * k−1, intrabar stops and targets, the mark (and liquidation), trailing peaks — then the end-of-data
 * close. Steps 1, 3 and 5 look at single trades only when the bar leaves the ledger's guard bounds.
 * Returns trades, signals and equity; `simulate` adds drawdown and metrics.
 */

import { StratexError } from '../errors.js';
import { normalizeOutput } from '../output/normalize.js';
import { isNormalizedOutput, type NormalizedOutput } from '../output/normalized-output.js';
import type { Bars, SignalRecord, SimulationOptions, StrategyOutput, Trade } from '../types.js';
import { closingDirection, Ledger } from './ledger.js';
import { badBar, checkBarsFrom, isGoodBar, type Market, toMarket } from './market.js';
import { resolveOptions } from './options.js';
import { type Direction, fillPrice } from './pricing.js';
import { RunState } from './run-state.js';
import { actOnSignals } from './signal-mode.js';
import { exitGaps, exitIntrabar, trailPeaks } from './stops.js';
import { TargetFollower } from './target-mode.js';

/** What the bar loop produces: everything of a result but drawdown and metrics. */
export interface EngineRun {
  trades: Trade[];
  signals: SignalRecord[];
  /** One point per bar: cash + position × close; the last after the end close, liquidation repeated. */
  equity: Float64Array;
  /** The candles as the engine read them (Float64Array views of `bars`). */
  market: Market;
}

/**
 * Runs the fill rules over `bars` for a strategy output (raw, or already normalised and trimmed of
 * warm-up) without computing metrics. Throws STRATEGY_ERROR for a bad output, INVALID_REQUEST for bad
 * bars or options.
 */
export function runEngine(
  bars: Bars,
  output: StrategyOutput | NormalizedOutput,
  options?: Partial<SimulationOptions>,
): EngineRun {
  const market = toMarket(bars);
  const resolved = resolveOptions(options);
  const normalized = isNormalizedOutput(output) ? output : normalizeOutput(output, market.bars);
  if (normalized.bars !== market.bars) {
    throw new StratexError(
      'INVALID_REQUEST',
      `the strategy output covers ${normalized.bars} bars but there are ${market.bars}`,
    );
  }
  const run = new RunState(market, normalized, resolved, new Ledger(resolved.cash, resolved.fee, market));
  const equity = loopBars(run);
  return { trades: run.ledger.trades, signals: run.signals, equity, market };
}

function loopBars(run: RunState): Float64Array {
  const { market, ledger, output } = run;
  const { time, open, high, low, close } = market;
  const guards = ledger.guards;
  const slippage = run.options.slippage;
  const n = market.bars;
  const equity = new Float64Array(n);
  const act = signalStep(run);
  const active = output.active;
  for (let k = 0; k < n; k++) {
    const o = open[k];
    const h = high[k];
    const l = low[k];
    const c = close[k];
    if (!isGoodBar(time[k], o, h, l, c)) throw badBar(market, k);
    if (o <= guards.exitBelow || o >= guards.exitAbove) exitGaps(ledger, k, o, slippage);
    if (k > 0 && active[k - 1] !== 0) act(run, k);
    if (l <= guards.exitBelow || h >= guards.exitAbove) exitIntrabar(ledger, k, h, l, slippage);
    const value = ledger.cash + ledger.position * c;
    if (value <= 0) {
      liquidate(run, k, equity);
      checkBarsFrom(market, k + 1);
      return equity;
    }
    equity[k] = value;
    if (h > guards.peakAbove || l < guards.peakBelow) trailPeaks(ledger, h, l);
  }
  if (n > 0 && ledger.book.length > 0) {
    closeAtClose(run, n - 1, 'end');
    equity[n - 1] = ledger.cash;
  }
  return equity;
}

/** Step 2 for the output's mode. */
function signalStep(run: RunState): (run: RunState, k: number) => void {
  if (run.output.mode === 'signals') return actOnSignals;
  const follower = new TargetFollower();
  return (r, k) => follower.act(r, k);
}

/** Equity ≤ 0 at the mark: close everything at the close and stop trading; later bars repeat the value. */
function liquidate(run: RunState, k: number, equity: Float64Array): void {
  if (run.ledger.book.length > 0) closeAtClose(run, k, 'liquidation');
  equity.fill(run.ledger.cash, k);
}

function closeAtClose(run: RunState, k: number, reason: 'end' | 'liquidation'): void {
  const ledger = run.ledger;
  const direction = closingDirection(ledger.side() as Direction);
  ledger.closeAll(fillPrice(run.market.close[k], direction, run.options.slippage), k, reason);
}
