/**
 * Outputs are allocated without a zero fill (output-memory.ts), so every kernel must write every entry
 * of every output, on every path: warm-ups, gaps, runs too short for a value, trailing NaNs. These tests
 * poison the memory with a signalling-NaN bit pattern no kernel writes and look for it afterwards.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SECTION_7_NAMES } from '../../../testing/section-7.js';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import * as ind from './index.js';
import { outputMemory } from './output-memory.js';
import { goldenCandles } from './test-support/golden.js';

const POISON = 0x7ff4_dead_beef_0001n;
const realAllocate = outputMemory.allocate;

beforeEach(() => {
  outputMemory.allocate = (bytes) => {
    const buffer = realAllocate(bytes);
    new BigUint64Array(buffer, 0, Math.floor(bytes / 8)).fill(POISON);
    return buffer;
  };
});

afterEach(() => {
  outputMemory.allocate = realAllocate;
});

interface Columns {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  time: Float64Array;
}

/** Every section-7 function that returns float64 outputs, called on `c` with the given period. */
function callEveryIndicator(c: Columns, p: number): Record<string, Float64Array | Record<string, Float64Array>> {
  const { high: h, low: l, close: x, volume: v, time: t } = c;
  return {
    sma: ind.sma(x, p),
    ema: ind.ema(x, p),
    wma: ind.wma(x, p),
    dema: ind.dema(x, p),
    tema: ind.tema(x, p),
    kama: ind.kama(x, p),
    rsi: ind.rsi(x, p),
    macd: { ...ind.macd(x, p, 2 * p, Math.max(1, p - 2)) },
    bollinger: { ...ind.bollinger(x, p, 2) },
    stddev: ind.stddev(x, p),
    roc: ind.roc(x, p),
    mom: ind.mom(x, p),
    trix: ind.trix(x, p),
    atr: ind.atr(h, l, x, p),
    natr: ind.natr(h, l, x, p),
    adx: ind.adx(h, l, x, p),
    plusDi: ind.plusDi(h, l, x, p),
    minusDi: ind.minusDi(h, l, x, p),
    willr: ind.willr(h, l, x, p),
    cci: ind.cci(h, l, x, p),
    stoch: { ...ind.stoch(h, l, x, p, 3, 3) },
    stochRsi: { ...ind.stochRsi(x, p, p, 3, 3) },
    aroon: { ...ind.aroon(h, l, p) },
    sar: ind.sar(h, l, 0.02, 0.2),
    ultosc: ind.ultosc(h, l, x, p, 2 * p, 4 * p),
    obv: ind.obv(x, v),
    mfi: ind.mfi(h, l, x, v, p),
    vwap: ind.vwap(h, l, x, v, t),
  };
}

function poisonedEntries(output: Float64Array): number[] {
  const words = new BigUint64Array(output.buffer, output.byteOffset, output.length);
  const at: number[] = [];
  for (let i = 0; i < words.length; i++) if (words[i] === POISON) at.push(i);
  return at;
}

function expectNoPoison(outputs: ReturnType<typeof callEveryIndicator>): void {
  const found: string[] = [];
  for (const [name, result] of Object.entries(outputs)) {
    const columns = result instanceof Float64Array ? { out: result } : result;
    for (const [column, values] of Object.entries(columns)) {
      const at = poisonedEntries(values);
      if (at.length > 0) found.push(`${name}.${column} at ${at.slice(0, 5).join(', ')}`);
    }
  }
  expect(found).toEqual([]);
}

/** The candles with every column's bars at `holes` set to `value` (gaps a kernel must restart after). */
function withHoles(c: Columns, holes: number[], value: number): Columns {
  const copy = Object.fromEntries(
    Object.entries(c).map(([k, col]) => [k, Float64Array.from(col)]),
  ) as unknown as Columns;
  for (const i of holes) for (const key of ['open', 'high', 'low', 'close', 'volume'] as const) copy[key][i] = value;
  return copy;
}

function slice(c: Columns, from: number, to: number): Columns {
  return Object.fromEntries(Object.entries(c).map(([k, col]) => [k, col.subarray(from, to)])) as unknown as Columns;
}

it('the poison test covers every float64 function of section 7', () => {
  const covered = Object.keys(callEveryIndicator(slice(tinyCandles(), 0, 40), 3));
  const floatFunctions = SECTION_7_NAMES.filter((name) => name !== 'crossAbove' && name !== 'crossBelow');
  expect(covered.sort()).toEqual([...floatFunctions].sort());
});

it('writes every entry when the input is shorter than the warm-up, empty, or all NaN', () => {
  const c = tinyCandles();
  expectNoPoison(callEveryIndicator(slice(c, 0, 5), 14));
  expectNoPoison(callEveryIndicator(slice(c, 0, 0), 14));
  expectNoPoison(callEveryIndicator(withHoles(slice(c, 0, 30), [...Array(30).keys()], Number.NaN), 5));
});

describeWithSharedData('outputs on real candles with gaps', () => {
  it('writes every entry around leading, interior and trailing NaNs and infinities, for short and long periods', () => {
    const candles = slice(goldenCandles(), 0, 3000);
    // Leading NaNs, a lone hole, a run shorter than every period (holes 700 and 704), an infinity, a
    // trailing run of NaNs.
    const holes = [0, 1, 2, 500, 700, 704, 2990, 2991, 2992, 2993, 2994, 2995, 2996, 2997, 2998, 2999];
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const gapped = withHoles(candles, holes, value);
      gapped.close[1500] = Number.NEGATIVE_INFINITY;
      for (const period of [1, 2, 3, 14, 30]) expectNoPoison(callEveryIndicator(gapped, period));
    }
  });
});

function tinyCandles(): Columns {
  const n = 40;
  const close = Float64Array.from({ length: n }, (_, i) => 100 + Math.sin(i) * 5);
  return {
    open: close.map((v) => v - 0.5),
    high: close.map((v) => v + 1),
    low: close.map((v) => v - 1),
    close,
    volume: close.map((_, i) => 10 + i),
    time: close.map((_, i) => 1_640_995_200_000 + i * 3_600_000),
  };
}
