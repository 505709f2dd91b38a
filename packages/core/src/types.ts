/** Domain types of CONTRACT.md sections 1–3: what strategies return, what the engine records. */

export type Side = 'long' | 'short';

export type ExitReason = 'signal' | 'reversal' | 'stop_loss' | 'trailing_stop' | 'take_profit' | 'end' | 'liquidation';

export type SignalType = 'entry_long' | 'exit_long' | 'entry_short' | 'exit_short' | 'resize';

/** Numeric input accepted wherever a series is expected: typed arrays or plain arrays. */
export type Series = ArrayLike<number>;

/** Candles as the engine sees them: bar open times (ms UTC) and prices, one entry per bar. */
export interface Bars {
  time: Series;
  open: Series;
  high: Series;
  low: Series;
  close: Series;
  volume?: Series;
}

export interface SimulationOptions {
  /** Starting cash (default 10000). */
  cash: number;
  /** Fee as a fraction of notional, paid on every fill (default 0). */
  fee: number;
  /** Buys fill at price × (1 + slippage), sells at price × (1 − slippage) (default 0). */
  slippage: number;
  /** Quantities round down to a multiple of this when > 0 (default 0). */
  lotSize: number;
}

export const DEFAULT_SIMULATION_OPTIONS: SimulationOptions = { cash: 10_000, fee: 0, slippage: 0, lotSize: 0 };

/** A closed trade (CONTRACT.md section 2, "Records"). Prices include slippage. */
export interface Trade {
  side: Side;
  entryBar: number;
  entryTime: number;
  entryPrice: number;
  exitBar: number;
  exitTime: number;
  exitPrice: number;
  /** Quantity, always > 0. */
  size: number;
  /** Entry and exit fees of this record. */
  fees: number;
  /** Net of fees. */
  pnl: number;
  /** backtesting.py's pl_pct × 100. */
  returnPct: number;
  exitReason: ExitReason;
}

/** A signal the engine acted on, or skipped because its quantity rounded to 0. */
export interface SignalRecord {
  type: SignalType;
  /** The signal bar (the fill happens at the next open). */
  bar: number;
  time: number;
  /** Close of the signal bar. */
  price: number;
  skipped?: 'size';
}

/** Equity and drawdown per counted bar; the last point is after the end-of-data close. */
export interface EquitySeries {
  time: number[];
  equity: number[];
  /** Drawdown from the running peak in percent, ≤ 0. */
  drawdownPct: number[];
}

/** CONTRACT.md section 3. `null` wherever the value is undefined (never NaN or Infinity). */
export interface Metrics {
  startTime: number | null;
  endTime: number | null;
  durationDays: number | null;
  exposurePct: number | null;
  equityFinal: number | null;
  equityPeak: number | null;
  returnPct: number | null;
  buyHoldReturnPct: number | null;
  returnAnnPct: number | null;
  volatilityAnnPct: number | null;
  cagrPct: number | null;
  sharpe: number | null;
  sortino: number | null;
  calmar: number | null;
  maxDrawdownPct: number | null;
  avgDrawdownPct: number | null;
  maxDrawdownDurationDays: number | null;
  avgDrawdownDurationDays: number | null;
  alphaPct: number | null;
  beta: number | null;
  maxTradeDurationDays: number | null;
  avgTradeDurationDays: number | null;
  trades: number;
  winRatePct: number | null;
  bestTradePct: number | null;
  worstTradePct: number | null;
  avgTradePct: number | null;
  profitFactor: number | null;
  expectancyPct: number | null;
  sqn: number | null;
  kelly: number | null;
}

export interface SimulationResult {
  trades: Trade[];
  signals: SignalRecord[];
  equity: EquitySeries;
  metrics: Metrics;
}

/**
 * What a strategy may return (CONTRACT.md section 1), before validation. Both spellings of the
 * snake_case keys are accepted (`short_entries` / `shortEntries`).
 */
export type StrategyOutput = Record<string, unknown>;
