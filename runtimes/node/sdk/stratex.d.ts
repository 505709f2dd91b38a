/**
 * Typed stubs of what a stratex JavaScript/TypeScript strategy sees (CONTRACT.md section 1), for
 * editors: add `/// <reference path="stratex.d.ts" />` at the top of a strategy (or list this file in
 * your tsconfig's "files"). The runtime injects `data`, `indicators` and `params` as globals and also
 * passes `data` and `params` to `strategy(data, params)`; `onBar(ctx)` receives a `Stratex.BarContext`.
 *
 * A strategy defines one of:
 *   export function strategy(data: Stratex.Data, params: typeof defaults): Stratex.Result
 *   export function onBar(ctx: Stratex.BarContext): void      (also `on_bar`)
 * and optionally `export const params = { fast: 10 }` (defaults; `--param fast=12` overrides them,
 * typed by the default's type). Both may be `async`.
 *
 * The sandbox has no require, import, process, timers, network, SharedArrayBuffer, Atomics or
 * WebAssembly; Date and Math.random work; console.log output (first 64 KB) is returned in the logs.
 */

declare namespace Stratex {
  /** Numbers in: typed arrays or plain arrays. */
  type Values = ArrayLike<number>;

  /** Booleans per bar: `boolean[]`, or a Uint8Array/Int8Array of 0/1 (what crossAbove returns). */
  type Signals = readonly boolean[] | Uint8Array | Int8Array;

  /** A number per bar, or one number for every bar. NaN means "none" (levels) or "as before" (position). */
  type PerBar = number | Values;

  /** The candles: one entry per bar, oldest first; `timestamp` is the bar open time in ms UTC. */
  interface Data {
    readonly timestamp: Float64Array;
    readonly open: Float64Array;
    readonly high: Float64Array;
    readonly low: Float64Array;
    readonly close: Float64Array;
    readonly volume: Float64Array;
    /** Number of bars. */
    readonly length: number;
  }

  /**
   * What `strategy` returns. Either entries/exits (long and/or short) or `position`, not both.
   * snake_case spellings (`short_entries`, `stop_loss`, …) are accepted too.
   */
  interface Result {
    /** Open a long position at the next bar's open. */
    entries?: Signals;
    /** Close the long position at the next bar's open. */
    exits?: Signals;
    shortEntries?: Signals;
    shortExits?: Signals;
    /** Target exposure as a fraction of equity in [-1, 1]; NaN = same as the bar before. */
    position?: Values;
    /** Fraction of equity for an entry, in [0, 1] (default 1). */
    size?: PerBar;
    /** Stop distance as a fraction of the entry price, in (0, 1). */
    stopLoss?: PerBar;
    /** Target distance as a fraction of the entry price, > 0. */
    takeProfit?: PerBar;
    /** Trailing distance as a fraction of the peak price, in (0, 1). */
    trailingStop?: PerBar;
    /** Series returned with the result for charts (NaN becomes null). */
    indicators?: Record<string, Values>;
  }

  interface MacdSeries {
    macd: Float64Array;
    signal: Float64Array;
    histogram: Float64Array;
  }

  interface BollingerSeries {
    upper: Float64Array;
    middle: Float64Array;
    lower: Float64Array;
  }

  /** Options of ctx.buy / ctx.sell. Levels are fractions of the entry price; omitted = none. */
  interface OrderOptions {
    /** Fraction of equity in [0, 1] (default 1). */
    size?: number;
    stopLoss?: number;
    takeProfit?: number;
    trailingStop?: number;
  }

  /**
   * What `onBar(ctx)` sees at bar t: columns hold bars 0..t, so the bar that just closed is the last
   * entry — use `ctx.close.at(-1)` or `ctx.close[ctx.bar]` (JavaScript has no `[-1]`).
   */
  interface BarContext {
    readonly timestamp: Float64Array;
    readonly open: Float64Array;
    readonly high: Float64Array;
    readonly low: Float64Array;
    readonly close: Float64Array;
    readonly volume: Float64Array;
    /** Index t of the bar that just closed. */
    readonly bar: number;
    /** The parameters (defaults merged with the request's overrides). */
    // biome-ignore lint/suspicious/noExplicitAny: parameter values are whatever the defaults say; strategies read them freely.
    readonly params: Record<string, any>;
    /** The target the strategy has set: +size long, −size short, 0 flat (stops do not change it). */
    readonly position: number;
    /**
     * An indicator of the library by name over bars 0..t, inputs filled in from the candles:
     * `ctx.indicator('sma', 50)`, `ctx.indicator('atr', 14)`, `ctx.indicator('macd', 12, 26, 9).signal`.
     * Computed once over the whole history and cached; the view up to t equals a computation on bars
     * 0..t because every indicator is causal.
     */
    indicator(name: 'macd', fast?: number, slow?: number, signal?: number): MacdSeries;
    indicator(name: 'bollinger', period?: number, deviations?: number): BollingerSeries;
    indicator(name: 'stoch' | 'stochRsi' | 'stoch_rsi', ...args: number[]): { k: Float64Array; d: Float64Array };
    indicator(name: 'aroon', period?: number): { down: Float64Array; up: Float64Array };
    indicator(name: string, ...args: number[]): Float64Array;
    /** Sets the target to +size (default 1) with the given levels. A number is taken as the size. */
    buy(options?: OrderOptions | number): void;
    /** Sets the target to −size (default 1) with the given levels. A number is taken as the size. */
    sell(options?: OrderOptions | number): void;
    /** Sets the target to 0. */
    closePosition(): void;
  }

  /** The indicator library (CONTRACT.md section 7): outputs aligned to inputs, NaN during warm-up. */
  interface Indicators {
    sma(values: Values, period: number): Float64Array;
    ema(values: Values, period: number): Float64Array;
    wma(values: Values, period: number): Float64Array;
    dema(values: Values, period: number): Float64Array;
    tema(values: Values, period: number): Float64Array;
    kama(values: Values, period: number): Float64Array;
    rsi(values: Values, period?: number): Float64Array;
    macd(values: Values, fast?: number, slow?: number, signal?: number): MacdSeries;
    bollinger(values: Values, period?: number, deviations?: number): BollingerSeries;
    stddev(values: Values, period: number): Float64Array;
    roc(values: Values, period: number): Float64Array;
    mom(values: Values, period: number): Float64Array;
    trix(values: Values, period: number): Float64Array;
    atr(high: Values, low: Values, close: Values, period: number): Float64Array;
    natr(high: Values, low: Values, close: Values, period: number): Float64Array;
    adx(high: Values, low: Values, close: Values, period: number): Float64Array;
    plusDi(high: Values, low: Values, close: Values, period: number): Float64Array;
    minusDi(high: Values, low: Values, close: Values, period: number): Float64Array;
    willr(high: Values, low: Values, close: Values, period: number): Float64Array;
    cci(high: Values, low: Values, close: Values, period: number): Float64Array;
    stoch(
      high: Values,
      low: Values,
      close: Values,
      kPeriod?: number,
      kSmooth?: number,
      dSmooth?: number,
    ): { k: Float64Array; d: Float64Array };
    stochRsi(
      values: Values,
      rsiPeriod?: number,
      stochPeriod?: number,
      kSmooth?: number,
      dSmooth?: number,
    ): { k: Float64Array; d: Float64Array };
    aroon(high: Values, low: Values, period?: number): { down: Float64Array; up: Float64Array };
    sar(high: Values, low: Values, acceleration?: number, maximum?: number): Float64Array;
    ultosc(
      high: Values,
      low: Values,
      close: Values,
      period1?: number,
      period2?: number,
      period3?: number,
    ): Float64Array;
    obv(close: Values, volume: Values): Float64Array;
    mfi(high: Values, low: Values, close: Values, volume: Values, period?: number): Float64Array;
    /** Volume-weighted average price, restarting at 00:00 UTC each day (pass data.timestamp). */
    vwap(high: Values, low: Values, close: Values, volume: Values, timestamp?: Values): Float64Array;
    /** `a[t] > b[t]` and `a[t-1] <= b[t-1]`, all four defined; 1/0 per bar. */
    crossAbove(a: Values, b: Values): Uint8Array;
    /** `a[t] < b[t]` and `a[t-1] >= b[t-1]`, all four defined; 1/0 per bar. */
    crossBelow(a: Values, b: Values): Uint8Array;
    /** Candlestick patterns: `patterns.hammer(open, high, low, close)` → 1 where the pattern completes. */
    patterns: Record<string, (open: Values, high: Values, low: Values, close: Values) => Uint8Array>;
  }
}

/** The candles of the run (also the first argument of `strategy`). */
declare const data: Stratex.Data;
/** The indicator library, running inside the sandbox. */
declare const indicators: Stratex.Indicators;
/** The resolved parameters (also the second argument of `strategy` and `ctx.params`). */
// biome-ignore lint/suspicious/noExplicitAny: parameter values are whatever the defaults say; strategies read them freely.
declare const params: Record<string, any>;
