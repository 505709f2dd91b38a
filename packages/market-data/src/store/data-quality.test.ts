import { describe, expect, it } from 'vitest';
import { parseCandlesCsv } from '../csv/parse-candles-csv.js';
import { checkQuality } from './data-quality.js';

describe('checkQuality', () => {
  it('counts inconsistent OHLC, negatives, duplicates, out-of-order rows and zero volume', () => {
    // Times in seconds (the reader takes integers below 1e11 as seconds).
    const csv = [
      'timestamp,open,high,low,close,volume',
      '3600,10,12,9,11,5',
      '0,10,9,8,9.5,1', // high below open
      '7200,10,12,9,11,0', // zero volume
      '7200,10,12,9,11,0', // exact duplicate
      '10800,-1,12,-2,11,3', // negative
      '14400,10,12,11,10.5,2', // low above close
    ].join('\n');
    const parsed = parseCandlesCsv(csv);
    const quality = checkQuality(parsed, parsed.droppedDuplicates.length);
    expect(quality).toEqual({
      ohlcInconsistent: 2,
      negative: 1,
      duplicates: 1,
      outOfOrder: 1,
      zeroVolume: 1,
      firstOhlcInconsistent: 0,
      firstNegative: 10_800_000,
    });
  });
});
