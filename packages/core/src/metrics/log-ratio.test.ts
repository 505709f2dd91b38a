import { describe, expect, it } from 'vitest';
import { logRatio } from './log-ratio.js';

describe('logRatio', () => {
  it('agrees with Math.log(a / b) to a few units in the last place near 1 and beyond', () => {
    for (let k = -2000; k <= 2000; k++) {
      const b = 41_234.5;
      const a = b * (1 + k * 5e-5 + 1e-9 * (k % 7));
      const exact = Math.log(a / b);
      // Near a/b = 1, Math.log itself loses digits to the rounding of a / b: allow that.
      const tolerance = 4e-16 * Math.abs(exact) + 2.3e-16;
      expect(Math.abs(logRatio(a, b) - exact)).toBeLessThanOrEqual(tolerance);
    }
  });

  it('is exactly 0 for equal values and keeps NaN and infinities where the log has them', () => {
    expect(logRatio(5, 5)).toBe(0);
    expect(logRatio(0, 5)).toBe(Number.NEGATIVE_INFINITY);
    expect(logRatio(5, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(logRatio(0, 0)).toBeNaN();
    expect(logRatio(-5, 5)).toBeNaN();
    expect(logRatio(-4, -5)).toBeCloseTo(Math.log(0.8), 15);
  });
});
