import { describe, expect, it } from 'vitest';
import { alphaPct, betaToMarket } from './alpha-beta.js';

/** cov / var the textbook way: centre, then multiply (numpy's `cov`). */
function centredBeta(e: number[], m: number[]): number {
  const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
  const me = mean(e);
  const mm = mean(m);
  let cov = 0;
  let varM = 0;
  for (let i = 0; i < e.length; i++) {
    cov += (e[i] - me) * (m[i] - mm);
    varM += (m[i] - mm) ** 2;
  }
  return cov / varM;
}

const logReturns = (x: number[]) => x.slice(1).map((v, i) => Math.log(v / x[i]));

describe('betaToMarket', () => {
  it('is 2 when equity moves as the square of the market', () => {
    const close = [100, 103, 99, 104, 110, 107];
    const equity = close.map((c) => (c / 100) ** 2 * 1000);
    expect(betaToMarket(equity, close)).toBeCloseTo(2, 12);
  });

  it('matches the centred covariance of log returns, flat stretches included', () => {
    const close = [50, 51, 49.5, 52, 53.1, 52.4, 55, 54.2, 57];
    const equity = [1000, 1000, 1000, 1030, 1052, 1040, 1040, 1022, 1070];
    const expected = centredBeta(logReturns(equity), logReturns(close));
    expect(betaToMarket(equity, close)).toBeCloseTo(expected, 13);
  });

  it('is undefined with fewer than two returns, a flat market or equity at zero', () => {
    expect(betaToMarket([1, 2], [1, 2])).toBeNaN();
    expect(betaToMarket([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(betaToMarket([100, 50, 0, 0], [5, 6, 4, 5])).toBeNaN();
  });
});

describe('alphaPct', () => {
  it('is the return in excess of beta times buy & hold', () => {
    expect(alphaPct(30, 0.5, 40)).toBe(10);
    expect(alphaPct(30, -0.5, 40)).toBe(50);
  });
});
