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
import { followTarget } from './target-mode.js';

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
  const run = newRun(bars, output, options);
  const equity = loopBars(run);
  return { trades: run.ledger.trades, signals: run.signals, equity, market: run.market };
}

function newRun(bars: Bars, output: StrategyOutput | NormalizedOutput, options?: Partial<SimulationOptions>) {
  const market = toMarket(bars);
  const resolved = resolveOptions(options);
  const normalized = isNormalizedOutput(output) ? output : normalizeOutput(output, market.bars);
  if (normalized.bars !== market.bars) {
    throw new StratexError(
      'INVALID_REQUEST',
      `the strategy output covers ${normalized.bars} bars but there are ${market.bars}`,
    );
  }
  return new RunState(market, normalized, resolved, new Ledger(resolved.cash, resolved.fee, market));
}

function loopBars(run: RunState): Float64Array {
  const { market, ledger, output } = run;
  const { time, open, high, low, close } = market;
  const guards = ledger.guards;
  const slippage = run.options.slippage;
  const n = market.bars;
  const equity = new Float64Array(n);
  const act = run.output.mode === 'signals' ? actOnSignals : followTarget;
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

/**
 * Hidden classes kept alive between runs. V8 reaches the hidden class ("map") of a class instance or
 * object literal through transitions that a major GC drops once no object uses them. Between two calls
 * every per-run object dies, so after a GC the next call builds new maps, and the optimised bar loop,
 * which checks the old ones, deoptimises and runs unoptimised until V8 recompiles it: about half the
 * speed on 1M bars (measured with gc() between calls, as between a server's requests). Two small runs
 * through the real code paths, kept here with a trade left open, hold every map the loop checks. Their
 * numbers are fractional so that each field gets the representation real runs need.
 */
export const HIDDEN_CLASS_ANCHORS: readonly RunState[] = [
  anchorRun({ entries: [1, 0, 1, 0, 0], exits: [0, 1, 0, 0, 0], size: [0.5, 0, 0.5, 0.5, 0.5], stop_loss: 0.01 }),
  anchorRun({ position: [0.5, 0.25, -0.5, Number.NaN, 0], take_profit: 0.02, trailing_stop: 0.03 }),
];

function anchorRun(output: StrategyOutput): RunState {
  const bars = {
    time: [0.5, 1.5, 2.5, 3.5, 4.5],
    open: [100.5, 101.5, 99.5, 100.5, 102.5],
    high: [101.5, 104.5, 100.5, 101.5, 103.5],
    low: [99.5, 100.5, 97.5, 99.5, 101.5],
    close: [100.5, 103.5, 99.5, 100.5, 102.5],
  };
  const run = newRun(bars, output, { cash: 1000.5, fee: 0.001, slippage: 0.0005, lotSize: 0 });
  loopBars(run);
  run.ledger.open(1, 0.5, 100.5, 4, 0.01, 0.02, 0.03);
  return run;
}
