import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CandleQuery } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, readSharedCsv, sharedPath } from '../../../../testing/shared-data.js';
import { caught } from '../../../../testing/stratex-error.js';
import { createCsvProvider } from './csv-provider.js';

const H = 3_600_000;
const T0 = Date.UTC(2022, 0, 1);
const LATER = { now: () => Date.UTC(2030, 0, 1) };

function query(overrides: Partial<CandleQuery> = {}): CandleQuery {
  return {
    provider: 'csv',
    symbol: 'BTC/USD',
    timeframe: '1h',
    from: T0,
    to: T0 + 100 * H,
    warmupBars: 0,
    ...overrides,
  };
}

/** A CSV of `count` hourly bars from T0 (close = index + 1) written to a temporary file. */
function csvFile(count: number, edit: (rows: string[]) => string[] = (rows) => rows): string {
  const rows = Array.from({ length: count }, (_, i) => `${T0 + i * H},${i + 1},${i + 2},${i + 0.5},${i + 1},1`);
  const file = join(mkdtempSync(join(tmpdir(), 'stratex-csv-')), 'bars.csv');
  writeFileSync(file, `timestamp,open,high,low,close,volume\n${edit(rows).join('\n')}\n`);
  return file;
}

describe('csv provider', () => {
  it('hands over the bars with from ≤ time < to', async () => {
    const provider = createCsvProvider({ file: csvFile(10), clock: LATER });
    const set = await provider.candles(query({ from: T0 + 2 * H, to: T0 + 5 * H }));
    expect(Array.from(set.data.timestamp)).toEqual([T0 + 2 * H, T0 + 3 * H, T0 + 4 * H]);
    expect(Array.from(set.data.close)).toEqual([3, 4, 5]);
    expect(set.warmupBars).toBe(0);
  });

  it('puts up to N warm-up bars before from, and says when fewer exist', async () => {
    const provider = createCsvProvider({ file: csvFile(10), clock: LATER });
    const set = await provider.candles(query({ from: T0 + 2 * H, to: T0 + 5 * H, warmupBars: 5 }));
    expect(Array.from(set.data.close)).toEqual([1, 2, 3, 4, 5]);
    expect(set.warmupBars).toBe(2);
    expect(set.warnings.join()).toMatch(/only 2 of the 5 warm-up bars/);
  });

  it('leaves out bars that have not closed by now', async () => {
    const provider = createCsvProvider({ file: csvFile(10), clock: { now: () => T0 + 4 * H + 1 } });
    const set = await provider.candles(query());
    expect(Array.from(set.data.timestamp)).toEqual([T0, T0 + H, T0 + 2 * H, T0 + 3 * H]);
    expect(set.warnings.join()).toMatch(/not closed yet/);
  });

  it('accepts unsorted input and counts gaps without filling them', async () => {
    const file = csvFile(12, (rows) => [...rows.slice(6), ...rows.slice(0, 3), ...rows.slice(5, 6)]);
    const set = await createCsvProvider({ file, clock: LATER }).candles(query());
    expect(Array.from(set.data.close)).toEqual([1, 2, 3, 6, 7, 8, 9, 10, 11, 12]);
    expect(set.gaps).toBe(1);
    expect(set.missingBars).toBe(2);
  });

  it('counts the exact duplicates dropped inside the window', async () => {
    const file = csvFile(10, (rows) => [...rows, rows[1], rows[1], rows[8]]);
    const set = await createCsvProvider({ file, clock: LATER }).candles(query({ to: T0 + 5 * H }));
    expect(set.data.timestamp.length).toBe(5);
    expect(set.duplicatesDropped).toBe(2);
  });

  it('rejects a timeframe that is not the median spacing, naming a line', async () => {
    const err = await caught(() =>
      createCsvProvider({ file: csvFile(10), clock: LATER }).candles(query({ timeframe: '4h' })),
    );
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.message).toMatch(/^CSV line 3: the bars are 1h apart \(the median spacing\), not 4h/);
  });

  it('answers DATA_UNAVAILABLE, with the range the file covers, when no bar is in range', async () => {
    const provider = createCsvProvider({ file: csvFile(10), clock: LATER });
    const err = await caught(() => provider.candles(query({ from: T0 + 50 * H })));
    expect(err.code).toBe('DATA_UNAVAILABLE');
    expect(err.message).toMatch(/2022-01-01T00:00:00.000Z to 2022-01-01T09:00:00.000Z/);
  });

  it('answers INVALID_REQUEST for a file that does not exist', async () => {
    const err = await caught(() => createCsvProvider({ file: 'no/such/file.csv', clock: LATER }).candles(query()));
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.message).toBe('CSV file no/such/file.csv: no such file');
  });
});

describeWithSharedData('csv provider on real files', () => {
  it('gives the 8760 bars of 2022 from the full Kraken file, with 50 warm-up bars before them', async () => {
    const provider = createCsvProvider({ file: sharedPath('kraken_BTCUSD_1h.csv'), clock: LATER });
    const set = await provider.candles(query({ from: Date.UTC(2022, 0, 1), to: Date.UTC(2023, 0, 1), warmupBars: 50 }));
    const year = readSharedCsv('kraken_BTCUSD_1h_2022.csv');
    expect(set.warmupBars).toBe(50);
    expect(set.data.timestamp.length).toBe(8810);
    expect(Array.from(set.data.close.subarray(50))).toEqual(Array.from(year.close));
    expect(set.data.timestamp[49]).toBe(Date.UTC(2021, 11, 31, 23));
    expect(set.gaps).toBe(0);
  });

  it('finds the 2 gaps (5 missing bars) and no duplicates in the Coinbase file', async () => {
    const provider = createCsvProvider({ file: sharedPath('coinbase_BTCUSD_1h.csv'), clock: LATER });
    const set = await provider.candles(query({ from: 0, to: Date.UTC(2030, 0, 1) }));
    expect(set.data.timestamp.length).toBe(29056);
    expect(set.gaps).toBe(2);
    expect(set.missingBars).toBe(5);
    expect(set.duplicatesDropped).toBe(0);
  });
});
