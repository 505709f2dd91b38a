import { describe, expect, it } from 'vitest';
import { RollingExtreme } from './rolling-extremes.js';

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

describe('RollingExtreme', () => {
  it('finds the latest index of the window maximum and minimum, as a full scan does', () => {
    const values = sample(500, 42);
    for (const window of [1, 2, 3, 5, 8, 13]) {
      const max = new RollingExtreme(values, window, 'max');
      const min = new RollingExtreme(values, window, 'min');
      for (let i = 0; i < values.length; i++) {
        let hi = i;
        let lo = i;
        for (let j = i; j > i - window && j >= 0; j--) {
          if (values[j] > values[hi]) hi = j;
          if (values[j] < values[lo]) lo = j;
        }
        expect(max.push(i)).toBe(hi);
        expect(min.push(i)).toBe(lo);
      }
    }
  });

  it('forgets earlier bars after reset', () => {
    const values = Float64Array.from([9, 1, 2, 3]);
    const max = new RollingExtreme(values, 3, 'max');
    max.push(0);
    max.reset();
    expect(max.push(1)).toBe(1);
    expect(max.push(2)).toBe(2);
  });
});
