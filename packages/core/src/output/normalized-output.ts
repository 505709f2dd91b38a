/**
 * A strategy's output after validation (CONTRACT.md section 1), in the one shape the engine reads:
 * typed arrays of one value per bar, so the bar loop sees the same types on every run.
 */

const BRAND: unique symbol = Symbol.for('stratex.normalizedOutput') as never;

/** `signals`: entries/exits booleans; `position`: target exposure per bar. */
export type OutputMode = 'signals' | 'position';

export interface NormalizedOutput {
  readonly [BRAND]: true;
  /** Number of bars every array covers. */
  readonly bars: number;
  readonly mode: OutputMode;
  /** 0/1 per bar; all 0 in `position` mode and for keys the strategy did not return. */
  readonly entries: Uint8Array;
  readonly exits: Uint8Array;
  readonly shortEntries: Uint8Array;
  readonly shortExits: Uint8Array;
  /** Target exposure in [-1, 1] per bar, NaN = same as the bar before; null in `signals` mode. */
  readonly position: Float64Array | null;
  /**
   * Per bar, what it carries (bits ENTRY_LONG, EXIT_LONG, ENTRY_SHORT, EXIT_SHORT, TARGET of
   * signal-flags.ts); 0 on a bar with nothing to act on. Derived from the arrays above.
   */
  readonly active: Uint8Array;
  /** Fraction of equity per entry in [0, 1]; NaN = 1. A level series (see `valueAt`). */
  readonly size: Float64Array;
  /** Distances as fractions of the entry price; NaN = none. Level series (see `valueAt`). */
  readonly stopLoss: Float64Array;
  readonly takeProfit: Float64Array;
  readonly trailingStop: Float64Array;
  /** Indicator series for charts, NaN where undefined. */
  readonly indicators: Readonly<Record<string, Float64Array>>;
}

/**
 * The value of a level series (size, stop_loss, take_profit, trailing_stop) at `bar`. A series holds
 * one value per bar, or — when the strategy returned a scalar — a single value for every bar, so a
 * scalar costs no per-bar array. (With one bar both readings agree.)
 */
export function valueAt(series: Float64Array, bar: number): number {
  return series.length === 1 ? series[0] : series[bar];
}

/** Fields of a NormalizedOutput, without the brand that only this module can set. */
export type NormalizedFields = Omit<NormalizedOutput, typeof BRAND>;

/**
 * A class rather than object literals so every output shares one hidden class: the engine's loop
 * then never deoptimises from one run to the next.
 */
class Normalized implements NormalizedOutput {
  declare readonly [BRAND]: true;
  readonly bars: number;
  readonly mode: OutputMode;
  readonly entries: Uint8Array;
  readonly exits: Uint8Array;
  readonly shortEntries: Uint8Array;
  readonly shortExits: Uint8Array;
  readonly position: Float64Array | null;
  readonly active: Uint8Array;
  readonly size: Float64Array;
  readonly stopLoss: Float64Array;
  readonly takeProfit: Float64Array;
  readonly trailingStop: Float64Array;
  readonly indicators: Readonly<Record<string, Float64Array>>;

  constructor(f: NormalizedFields) {
    this.bars = f.bars;
    this.mode = f.mode;
    this.entries = f.entries;
    this.exits = f.exits;
    this.shortEntries = f.shortEntries;
    this.shortExits = f.shortExits;
    this.position = f.position;
    this.active = f.active;
    this.size = f.size;
    this.stopLoss = f.stopLoss;
    this.takeProfit = f.takeProfit;
    this.trailingStop = f.trailingStop;
    this.indicators = f.indicators;
  }
}
Object.defineProperty(Normalized.prototype, BRAND, { value: true });

/** Marks validated fields as a NormalizedOutput. Only normalisation and warm-up trimming call it. */
export function brandNormalized(fields: NormalizedFields): NormalizedOutput {
  return new Normalized(fields);
}

/** True for the result of `normalizeOutput` (and `dropWarmup`), false for a raw strategy output. */
export function isNormalizedOutput(value: unknown): value is NormalizedOutput {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
