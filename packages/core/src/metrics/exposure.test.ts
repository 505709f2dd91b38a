import { describe, expect, it } from 'vitest';
import type { Trade } from '../types.js';
import { exposurePct } from './exposure.js';

function held(entryBar: number, exitBar: number): Trade {
  return {
    side: 'long',
    entryBar,
    entryTime: entryBar,
    entryPrice: 1,
    exitBar,
    exitTime: exitBar,
    exitPrice: 1,
    size: 1,
    fees: 0,
    pnl: 0,
    returnPct: 0,
    exitReason: 'signal',
  };
}

describe('exposurePct', () => {
  it('counts entry and exit bars both, so a trade closed on the next bar covers two bars', () => {
    expect(exposurePct([held(3, 4)], 10)).toBe(20);
  });

  it('counts bars covered by overlapping trades once, in any record order', () => {
    // Bars 1–5 and 7 of 10.
    expect(exposurePct([held(4, 5), held(1, 3), held(2, 4), held(7, 7)], 10)).toBe(60);
  });

  it('is 0 without trades and undefined without bars', () => {
    expect(exposurePct([], 10)).toBe(0);
    expect(exposurePct([], 0)).toBeNaN();
  });
});
