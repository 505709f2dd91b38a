import { describe, expect, it } from 'vitest';
import { geometricMeanReturn } from './geometric-mean.js';

describe('geometricMeanReturn', () => {
  it('is the per-period rate that compounds to the same total', () => {
    expect(geometricMeanReturn([0.1, -0.1, 0.2])).toBeCloseTo(Math.cbrt(1.1 * 0.9 * 1.2) - 1, 15);
    expect(geometricMeanReturn([10, -10, 20], 100)).toBeCloseTo(Math.cbrt(1.1 * 0.9 * 1.2) - 1, 15);
  });

  it('counts NaN as 0, gives 0 once a period loses everything, and NaN for no periods', () => {
    expect(geometricMeanReturn([0.21, Number.NaN])).toBeCloseTo(0.1, 15);
    expect(geometricMeanReturn([0.5, -1, 0.5])).toBe(0);
    expect(geometricMeanReturn([])).toBeNaN();
  });
});
