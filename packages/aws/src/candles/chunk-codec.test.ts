import { describe, expect, it } from 'vitest';
import { describeWithSharedData, readSharedCsv } from '../../../../testing/shared-data.js';
import { decodeChunk, encodeChunk } from './chunk-codec.js';

describeWithSharedData('chunk codec on real candles', () => {
  it('round-trips 2,048 Kraken bars bit for bit and packs them smaller than their raw 96 KB', () => {
    const k = readSharedCsv('kraken_BTCUSD_1h_2022.csv');
    const pick = (c: Float64Array) => c.subarray(0, 2048);
    const bars = {
      timestamp: pick(k.time),
      open: pick(k.open),
      high: pick(k.high),
      low: pick(k.low),
      close: pick(k.close),
      volume: pick(k.volume),
    };
    const bytes = encodeChunk(bars);
    const back = decodeChunk(bytes);
    for (const column of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect(Array.from(back[column])).toEqual(Array.from(bars[column]));
    }
    expect(bytes.byteLength).toBeLessThan(2048 * 48 * 0.75);
  });
});

describe('chunk codec', () => {
  it('keeps NaN, infinities and negative zero exactly', () => {
    const col = (v: number[]) => Float64Array.from(v);
    const bars = {
      timestamp: col([1, 2, 3]),
      open: col([Number.NaN, -0, 1]),
      high: col([Number.POSITIVE_INFINITY, 2, 3]),
      low: col([-1, 0, 1e-300]),
      close: col([1, 2, 3]),
      volume: col([0, 0, 0]),
    };
    const back = decodeChunk(encodeChunk(bars));
    expect(Number.isNaN(back.open[0])).toBe(true);
    expect(Object.is(back.open[1], -0)).toBe(true);
    expect(back.high[0]).toBe(Number.POSITIVE_INFINITY);
    expect(back.low[2]).toBe(1e-300);
  });

  it('refuses bytes in a format it does not know', () => {
    expect(() => decodeChunk(new Uint8Array([9, 0, 0]))).toThrow('unknown candle chunk format');
  });
});
