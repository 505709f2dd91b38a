import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, readSharedCsv, sharedPath } from '../../../../testing/shared-data.js';
import { caught } from '../../../../testing/stratex-error.js';
import { parseCandlesCsv } from './parse-candles-csv.js';

const HEADER = 'timestamp,open,high,low,close,volume';
const H = 3_600_000;
const T0 = Date.UTC(2022, 0, 1);

describe('parseCandlesCsv', () => {
  it('reads the columns as float64 with the source line of each bar', () => {
    const bars = parseCandlesCsv(`${HEADER}\n${T0},1,2,0.5,1.5,10\n${T0 + H},1.5,3,1,2.5,1E+1\n`);
    expect(Array.from(bars.time)).toEqual([T0, T0 + H]);
    expect(Array.from(bars.close)).toEqual([1.5, 2.5]);
    expect(Array.from(bars.volume)).toEqual([10, 10]);
    expect(Array.from(bars.line)).toEqual([2, 3]);
  });

  it('finds columns by header name, ignores extra columns, CRLF line ends and a byte-order mark', () => {
    const text = `\ufeffclose,volume,symbol,timestamp,open,high,low\r\n1.5,10,BTC,${T0},1,2,0.5\r\n`;
    const bars = parseCandlesCsv(text);
    expect(Array.from(bars.open)).toEqual([1]);
    expect(Array.from(bars.close)).toEqual([1.5]);
    expect(Array.from(bars.time)).toEqual([T0]);
  });

  it('takes integer timestamps below 1e11 as seconds', () => {
    const bars = parseCandlesCsv(`${HEADER}\n${T0 / 1000},1,2,0.5,1.5,10\n${T0 / 1000 + 3600}.0,1,2,0.5,1.5,10\n`);
    expect(Array.from(bars.time)).toEqual([T0, T0 + H]);
  });

  it('sorts unsorted rows by time', () => {
    const bars = parseCandlesCsv(`${HEADER}\n${T0 + 2 * H},3,3,3,3,1\n${T0},1,1,1,1,1\n${T0 + H},2,2,2,2,1\n`);
    expect(Array.from(bars.time)).toEqual([T0, T0 + H, T0 + 2 * H]);
    expect(Array.from(bars.close)).toEqual([1, 2, 3]);
    expect(Array.from(bars.line)).toEqual([3, 4, 2]);
  });

  it('drops exact duplicates, remembering their times', () => {
    const row = `${T0 + H},2,2,2,2,1`;
    const bars = parseCandlesCsv(`${HEADER}\n${T0},1,1,1,1,1\n${row}\n${row}\n${T0 + 2 * H},3,3,3,3,1\n${row}\n`);
    expect(Array.from(bars.time)).toEqual([T0, T0 + H, T0 + 2 * H]);
    expect(bars.droppedDuplicates).toEqual([T0 + H, T0 + H]);
  });

  it('rejects a duplicate with other values, naming both lines', async () => {
    const err = await caught(() =>
      parseCandlesCsv(`${HEADER}\n${T0},1,1,1,1,1\n${T0 + H},2,2,2,2,1\n${T0},1,1,1,1.1,1\n`),
    );
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.message).toMatch(/line 4/);
    expect(err.message).toMatch(/line 2/);
    expect(err.details).toMatchObject({ line: 4, otherLine: 2 });
  });

  it('rejects a header without one of the six columns, naming the column', async () => {
    const err = await caught(() => parseCandlesCsv(`timestamp,open,high,low,close\n${T0},1,1,1,1\n`));
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.message).toMatch(/line 1: missing column "volume"/);
  });

  it('rejects a non-number, naming the line and the column', async () => {
    const err = await caught(() => parseCandlesCsv(`${HEADER}\n${T0},1,1,1,1,1\n${T0 + H},2,2,abc,2,1\n`));
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.message).toMatch(/line 3: low "abc" is not a number/);
    expect(err.details).toMatchObject({ line: 3, column: 'low' });
  });

  it('rejects empty cells, hex, Infinity and fractional timestamps', async () => {
    for (const row of [`${T0},1,,1,1,1`, `${T0},0x10,1,1,1,1`, `${T0},1,Infinity,1,1,1`, `${T0}.5,1,1,1,1,1`]) {
      const err = await caught(() => parseCandlesCsv(`${HEADER}\n${row}\n`));
      expect(err.code, row).toBe('INVALID_REQUEST');
      expect(err.message, row).toMatch(/^CSV line 2: /);
    }
  });

  it('rejects a row with too few cells, naming the line', async () => {
    const err = await caught(() => parseCandlesCsv(`${HEADER}\n${T0},1,1,1,1,1\n\n${T0 + H},2,2,2\n`));
    expect(err.message).toMatch(/line 4: expected 6 columns, found 4/);
  });
});

describeWithSharedData('parseCandlesCsv on real files', () => {
  it('reads kraken_BTCUSD_1h.csv (70253 rows, exponent volumes) exactly as Number() does', () => {
    const bars = parseCandlesCsv(readFileSync(sharedPath('kraken_BTCUSD_1h.csv'), 'utf8'));
    const expected = readSharedCsv('kraken_BTCUSD_1h.csv');
    expect(bars.time.length).toBe(70253);
    expect(bars.droppedDuplicates).toEqual([]);
    for (const column of ['time', 'open', 'high', 'low', 'close', 'volume'] as const) {
      const differing = bars[column].findIndex((value, i) => !Object.is(value, expected[column][i]));
      expect(differing, column).toBe(-1);
    }
  });
});
