import { describe, expect, it } from 'vitest';
import { aroon } from './aroon.js';
import { bollinger } from './bollinger.js';
import { outputColumns } from './input.js';
import { macd } from './macd.js';
import { stoch } from './stoch.js';
import { stochRsi } from './stoch-rsi.js';

/** A deterministic wavy price series, long enough for every warm-up. */
function prices(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 100 + 10 * Math.sin(i / 7) + (i % 5));
}

describe('outputColumns', () => {
  it('gives non-overlapping views of one buffer (not zeroed: the kernels write every entry)', () => {
    const [a, b, c] = outputColumns(4, 3);
    expect(a.buffer).toBe(b.buffer);
    expect([a.byteOffset, b.byteOffset, c.byteOffset]).toEqual([0, 32, 64]);
    b.fill(2);
    a.fill(1);
    c.fill(3);
    expect(Array.from(b)).toEqual([2, 2, 2, 2]);
    expect(outputColumns(0, 2).map((x) => x.length)).toEqual([0, 0]);
  });

  it('leaves each output of the multi-output indicators its own values', () => {
    const x = prices(500);
    const high = x.map((v) => v + 1);
    const low = x.map((v) => v - 1);
    const outputs: Float64Array[][] = [
      Object.values(bollinger(x, 20, 2)),
      Object.values(macd(x, 12, 26, 9)),
      Object.values(stoch(high, low, x, 14, 3, 3)),
      Object.values(stochRsi(x, 14, 14, 3, 3)),
      Object.values(aroon(high, low, 14)),
    ];
    for (const columns of outputs) {
      for (const column of columns) expect(column.length).toBe(500);
      // Adjacent outputs differ somewhere after the warm-up: an overlap would make them equal.
      for (let c = 1; c < columns.length; c++) {
        expect(columns[c].subarray(100).some((v, i) => v !== columns[c - 1][100 + i])).toBe(true);
      }
    }
  });
});
