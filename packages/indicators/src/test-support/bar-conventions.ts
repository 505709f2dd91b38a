/**
 * Test support (not built): the NaN, period and length conventions of CONTRACT.md section 7 that every
 * indicator over several bar columns (high, low, close, volume, ...) must follow, checked on real candles.
 */
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, type SharedCandles } from '../../../../testing/shared-data.js';
import { goldenCandles } from './golden.js';

type Column = keyof SharedCandles;
type Outputs = Float64Array | Record<string, Float64Array>;

export interface BarIndicatorSpec {
  /** The function's name, as its RangeErrors start. */
  name: string;
  /** The candle columns the function reads, in argument order. */
  columns: readonly Column[];
  /** Calls the function on those columns (and the period, for indicators that have one). */
  call: (columns: ArrayLike<number>[], period: number) => Outputs;
  /** The period parameter's name and a typical value; omit for indicators without a period. */
  period?: { name: string; value: number };
}

const nan = Number.NaN;

/** Every output as a list of arrays, so single- and multi-output indicators are checked alike. */
function outputs(out: Outputs): Float64Array[] {
  return out instanceof Float64Array ? [out] : Object.values(out);
}

function slice(spec: BarIndicatorSpec, from: number, to: number): Float64Array[] {
  const candles = goldenCandles();
  return spec.columns.map((c) => candles[c].slice(from, to));
}

function concat(a: Float64Array, gap: number, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + gap + b.length).fill(nan);
  out.set(a);
  out.set(b, a.length + gap);
  return out;
}

/** Defines the convention tests for one indicator. */
export function describeBarConventions(spec: BarIndicatorSpec): void {
  const period = spec.period?.value ?? 1;
  const run = (columns: ArrayLike<number>[]) => outputs(spec.call(columns, period));

  describe(`${spec.name} argument checks`, () => {
    it('rejects inputs of different lengths with a RangeError naming the function', () => {
      const columns = spec.columns.map((_, k) => new Float64Array(k === 0 ? 9 : 10).fill(100));
      expect(() => spec.call(columns, period)).toThrow(new RegExp(`^${spec.name}: .*same length`));
    });

    const periodSpec = spec.period;
    if (!periodSpec) return;
    it('is all NaN when the period is longer than the input', () => {
      const columns = spec.columns.map(() => [3, 1, 4, 1, 5]);
      for (const out of outputs(spec.call(columns, 6))) {
        expect(out).toHaveLength(5);
        expect(Array.from(out).every(Number.isNaN)).toBe(true);
      }
    });

    it('rejects a zero, negative or fractional period with a RangeError naming function and parameter', () => {
      const columns = spec.columns.map(() => [3, 1, 4]);
      for (const bad of [0, -1, 2.5, Number.NaN]) {
        expect(() => spec.call(columns, bad)).toThrow(new RegExp(`^${spec.name}: ${periodSpec.name} `));
      }
    });
  });

  describeWithSharedData(`${spec.name} NaN handling`, () => {
    it('skips leading NaNs: the warm-up starts at the first finite bar', () => {
      const bars = slice(spec, 0, 600);
      const out = run(bars.map((c) => concat(new Float64Array(0), 3, c)));
      const direct = run(bars);
      out.forEach((o, k) => {
        expect(Array.from(o.subarray(0, 3)).every(Number.isNaN)).toBe(true);
        expect(o.subarray(3)).toEqual(direct[k]);
      });
    });

    it('treats a bar as missing when any one of its inputs is NaN and restarts the warm-up after it', () => {
      const before = slice(spec, 0, 700);
      const after = slice(spec, 1000, 1700);
      const last = spec.columns.length - 1;
      // Only the last column has the NaN; the other columns hold real values at that bar.
      const joined = before.map((b, k) => {
        const out = concat(b, 1, after[k]);
        if (k !== last) out[700] = goldenCandles()[spec.columns[k]][850];
        return out;
      });
      const out = run(joined);
      const first = run(before);
      const second = run(after);
      out.forEach((o, k) => {
        expect(o.subarray(0, 700)).toEqual(first[k]);
        expect(o[700]).toBeNaN();
        expect(o.subarray(701)).toEqual(second[k]);
      });
    });

    it('accepts plain arrays and gives the same numbers as for Float64Arrays', () => {
      const bars = slice(spec, 0, 400);
      expect(run(bars.map((c) => Array.from(c)))).toEqual(run(bars));
    });
  });
}
