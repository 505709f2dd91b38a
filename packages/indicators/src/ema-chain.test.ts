import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { ema } from './ema.js';
import { dema, tema, trix } from './ema-chain.js';
import { expectMatchesGolden, golden, goldenCandles } from './test-support/golden.js';
import { describeSeriesConventions } from './test-support/series-conventions.js';

describeWithSharedData('ema chains against TA-Lib', () => {
  it('matches DEMA(20)', () => {
    expectMatchesGolden(dema(goldenCandles().close, 20), golden('dema_20'));
  });

  it('matches TEMA(20)', () => {
    expectMatchesGolden(tema(goldenCandles().close, 20), golden('tema_20'));
  });

  it('matches TRIX(30)', () => {
    expectMatchesGolden(trix(goldenCandles().close, 30), golden('trix_30'));
  });

  it('seeds each stage with the SMA of its own inputs, so DEMA equals 2*EMA - EMA(EMA)', () => {
    const close = goldenCandles().close;
    const e1 = ema(close, 20);
    const e2 = ema(e1, 20);
    const out = dema(close, 20);
    for (let i = 38; i < close.length; i += 97) {
      expect(out[i]).toBeCloseTo(2 * e1[i] - e2[i], 6);
    }
  });
});

describe('ema chains', () => {
  it('start at 2(p-1), 3(p-1) and 3(p-1)+1', () => {
    const x = Array.from({ length: 20 }, (_, i) => 100 + Math.sin(i));
    const firstFinite = (out: Float64Array) => out.findIndex(Number.isFinite);
    expect(firstFinite(dema(x, 4))).toBe(6);
    expect(firstFinite(tema(x, 4))).toBe(9);
    expect(firstFinite(trix(x, 4))).toBe(10);
  });

  it('trix of a constant series is 0', () => {
    expect(trix(new Array(20).fill(5), 3)[19]).toBe(0);
  });
});

describeSeriesConventions('dema', dema, 20);
describeSeriesConventions('tema', tema, 20);
describeSeriesConventions('trix', trix, 30);
