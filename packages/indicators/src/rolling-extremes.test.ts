import { describe, expect, it } from 'vitest';
import { RollingExtremes } from './rolling-extremes.js';

/** Small integers, so ties are frequent. */
function sample(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s % 7;
  }
  return out;
}

describe('RollingExtremes', () => {
  it('finds the latest index of each window maximum and minimum, as a full scan does', () => {
    const values = sample(500, 42);
    const start = 3;
    for (const window of [1, 2, 3, 5, 8, 13]) {
      const extremes = new RollingExtremes(window);
      const max = new Int32Array(values.length);
      const min = new Int32Array(values.length);
      extremes.scan(values, 'max', start, values.length, max);
      extremes.scan(values, 'min', start, values.length, min);
      for (let i = start; i < values.length; i++) {
        let hi = i;
        let lo = i;
        for (let j = i; j > i - window && j >= start; j--) {
          if (values[j] > values[hi]) hi = j;
          if (values[j] < values[lo]) lo = j;
        }
        expect([max[i], min[i]]).toEqual([hi, lo]);
      }
    }
  });

  it('stays right when the deque is full: on a falling series every bar of the window is kept', () => {
    const falling = Float64Array.from({ length: 1000 }, (_, i) => -i);
    const at = new Int32Array(falling.length);
    new RollingExtremes(5).scan(falling, 'max', 0, falling.length, at);
    expect(Array.from(at.subarray(995))).toEqual([991, 992, 993, 994, 995]);
  });
});
