import { describe, expect, it } from 'vitest';
import { firstDifferingBar } from './compare.js';
import { normalizeOutput } from './normalize.js';

describe('firstDifferingBar', () => {
  it('is -1 on the overlap of outputs that agree, NaN equal to NaN', () => {
    const full = normalizeOutput({ entries: [0, 1, 0, 1], stop_loss: [null, 0.1, null, 0.2] }, 4);
    const prefix = normalizeOutput({ entries: [0, 1], stop_loss: [Number.NaN, 0.1] }, 2);
    expect(firstDifferingBar(full, prefix)).toBe(-1);
  });

  it('finds the first bar where any key differs', () => {
    const full = normalizeOutput({ entries: [0, 1, 0, 1], size: [1, 1, 0.5, 1] }, 4);
    const prefix = normalizeOutput({ entries: [0, 1, 0, 0], size: [1, 1, 1, 1] }, 4);
    expect(firstDifferingBar(full, prefix)).toBe(2);
  });

  it('compares position targets and ignores indicators', () => {
    const full = normalizeOutput({ position: [0, 1, Number.NaN], indicators: { a: [1, 2, 3] } }, 3);
    const prefix = normalizeOutput({ position: [0, 1, 0.5], indicators: { a: [9, 9, 9] } }, 3);
    expect(firstDifferingBar(full, prefix)).toBe(2);
  });

  it('sees outputs of different modes as differing from bar 0', () => {
    expect(firstDifferingBar(normalizeOutput({ position: [0, 0] }, 2), normalizeOutput({ entries: [0, 0] }, 2))).toBe(
      0,
    );
  });
});
