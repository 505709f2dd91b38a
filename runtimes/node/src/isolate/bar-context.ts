/**
 * `ctx`, what `onBar(ctx)` sees at bar t (CONTRACT.md section 1): price columns of bars 0..t, the
 * parameters, the target position, cached indicators, and buy/sell/closePosition, which set the
 * target and the stop levels that the SDK writes into the `position` and stop arrays.
 *
 * `ctx.indicator(name, ...args)` computes the indicator once over the whole history and returns a
 * view of its first t+1 values. That is the same as computing it over bars 0..t because every
 * indicator of the library is causal: its value at t depends on bars ≤ t only (the golden vectors
 * check the kernels; the look-ahead check does not apply to onBar).
 */
import { type Column, canonicalIndicatorName, INDICATOR_INPUTS } from './indicator-inputs.js';
import { ErrorCtor, isFiniteNumber } from './intrinsics.js';

export type InjectedData = Record<Column, Float64Array> & { length: number };

/** What the SDK records for the bar being processed; the runner copies it into its arrays. */
export interface BarState {
  bar: number;
  target: number;
  stopLoss: number;
  takeProfit: number;
  trailingStop: number;
  usedStopLoss: boolean;
  usedTakeProfit: boolean;
  usedTrailingStop: boolean;
}

/** Options of ctx.buy / ctx.sell; snake_case spellings are accepted too. */
export interface OrderOptions {
  size?: number;
  stopLoss?: number;
  takeProfit?: number;
  trailingStop?: number;
}

type Kernel = (...args: unknown[]) => unknown;

/** Builds the `ctx` object for one run; `state.bar` selects the bar it shows. */
export function createBarContext(
  data: InjectedData,
  params: unknown,
  kernels: Record<string, unknown>,
  state: BarState,
): object {
  // Views of bars 0..t, made on first access in a bar (a million-bar run must not make six per bar).
  let viewsBar = -1;
  let views: Partial<Record<Column, Float64Array>> = {};
  const column = (name: Column): Float64Array => {
    if (viewsBar !== state.bar) {
      viewsBar = state.bar;
      views = {};
    }
    let view = views[name];
    if (view === undefined) {
      view = data[name].subarray(0, state.bar + 1);
      views[name] = view;
    }
    return view;
  };
  return {
    get open() {
      return column('open');
    },
    get high() {
      return column('high');
    },
    get low() {
      return column('low');
    },
    get close() {
      return column('close');
    },
    get volume() {
      return column('volume');
    },
    get timestamp() {
      return column('timestamp');
    },
    get bar() {
      return state.bar;
    },
    get position() {
      return state.target;
    },
    params,
    indicator: cachedIndicators(data, kernels, state),
    buy: (options?: OrderOptions | number) => order(state, 1, options, 'buy'),
    sell: (options?: OrderOptions | number) => order(state, -1, options, 'sell'),
    closePosition: () => closePosition(state),
    close_position: () => closePosition(state),
  };
}

/** One indicator call's cache entry: the whole series, and its view for the bar it was last asked in. */
interface CachedIndicator {
  full: unknown;
  bar: number;
  view: unknown;
}

function cachedIndicators(data: InjectedData, kernels: Record<string, unknown>, state: BarState) {
  const cache = new Map<string, CachedIndicator>();
  return (name: string, ...args: unknown[]): unknown => {
    const key = args.length === 1 ? `${name}|${args[0]}` : `${name}|${args.join('|')}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      entry = { full: computeIndicator(data, kernels, name, args), bar: -1, view: undefined };
      cache.set(key, entry);
    }
    if (entry.bar !== state.bar) {
      entry.bar = state.bar;
      entry.view = viewUpTo(entry.full, state.bar + 1);
    }
    return entry.view;
  };
}

/** The indicator over the whole history (checked once per distinct call, then cached). */
function computeIndicator(data: InjectedData, kernels: Record<string, unknown>, name: unknown, args: unknown[]) {
  const canonical = typeof name === 'string' ? canonicalIndicatorName(name) : undefined;
  const kernel = canonical === undefined ? undefined : kernels[canonical];
  if (canonical === undefined || typeof kernel !== 'function') {
    const known = Object.keys(INDICATOR_INPUTS).filter((k) => typeof kernels[k] === 'function');
    throw new ErrorCtor(`ctx.indicator: unknown indicator '${String(name)}' (known: ${known.join(', ')})`);
  }
  for (const arg of args) {
    if (typeof arg !== 'number' && typeof arg !== 'string' && typeof arg !== 'boolean') {
      throw new ErrorCtor(`ctx.indicator('${canonical}', …): arguments must be numbers, e.g. ctx.indicator('sma', 50)`);
    }
  }
  const inputs = INDICATOR_INPUTS[canonical].map((column) => data[column]);
  return (kernel as Kernel)(...inputs, ...args);
}

/** The first `count` values of an indicator result (a series, or an object of series like macd). */
function viewUpTo(full: unknown, count: number): unknown {
  if (full instanceof Float64Array) return full.subarray(0, count);
  if (typeof full === 'object' && full !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, series] of Object.entries(full)) {
      out[key] = series instanceof Float64Array ? series.subarray(0, count) : series;
    }
    return out;
  }
  return full;
}

function order(state: BarState, sign: 1 | -1, options: OrderOptions | number | undefined, verb: string): void {
  const o = (typeof options === 'number' ? { size: options } : (options ?? {})) as Record<string, unknown>;
  if (typeof o !== 'object') throw new ErrorCtor(`ctx.${verb} expects options such as { size: 0.5, stopLoss: 0.03 }`);
  const size = o.size ?? 1;
  if (typeof size !== 'number' || !(size >= 0 && size <= 1)) {
    throw new ErrorCtor(`ctx.${verb}: size must be a number in [0, 1], got ${String(size)}`);
  }
  state.target = sign * size;
  state.stopLoss = level(o.stopLoss ?? o.stop_loss, verb, 'stopLoss', 1);
  state.takeProfit = level(o.takeProfit ?? o.take_profit, verb, 'takeProfit', Number.POSITIVE_INFINITY);
  state.trailingStop = level(o.trailingStop ?? o.trailing_stop, verb, 'trailingStop', 1);
  state.usedStopLoss ||= !Number.isNaN(state.stopLoss);
  state.usedTakeProfit ||= !Number.isNaN(state.takeProfit);
  state.usedTrailingStop ||= !Number.isNaN(state.trailingStop);
}

/** A level as a fraction of the entry price in (0, below); absent or NaN means none. */
function level(value: unknown, verb: string, name: string, below: number): number {
  if (value === undefined || value === null || (typeof value === 'number' && Number.isNaN(value))) return Number.NaN;
  if (typeof value !== 'number' || !isFiniteNumber(value) || value <= 0 || value >= below) {
    const range = below === 1 ? '(0, 1)' : '> 0';
    throw new ErrorCtor(`ctx.${verb}: ${name} must be a fraction of the entry price ${range}, got ${String(value)}`);
  }
  return value;
}

function closePosition(state: BarState): void {
  state.target = 0;
  state.stopLoss = Number.NaN;
  state.takeProfit = Number.NaN;
  state.trailingStop = Number.NaN;
}
