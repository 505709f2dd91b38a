/**
 * The CandleStore conformance suite: the same tests against every server the DynamoDB store runs on
 * (the embedded one, DynamoDB Local; real DynamoDB when pointed at it).
 */
import type { CandleStore, SeriesKey, StrategyData } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { CHUNK_BARS } from '../candles/chunk-grid.js';

const HOUR = 3_600_000;

/** Makes a fresh store (an empty table) for each test. */
export type StoreFactory = () => Promise<CandleStore>;

/** Deterministic hourly bars at the given open times, with values that differ bar to bar. */
export function barsAt(times: number[], salt = 0): StrategyData {
  const column = (f: (t: number, i: number) => number) => Float64Array.from(times, f);
  return {
    timestamp: Float64Array.from(times),
    open: column((t) => 100 + ((t / HOUR) % 97) + salt),
    high: column((t) => 110 + ((t / HOUR) % 89) + salt),
    low: column((t) => 90 + ((t / HOUR) % 83) + salt),
    close: column((t) => 105 + ((t / HOUR) % 79) + salt),
    volume: column((t) => (((t / HOUR) * 7919) % 1000) / 8),
  };
}

export function hourly(startMs: number, count: number, step = 1): number[] {
  return Array.from({ length: count }, (_, i) => startMs + i * step * HOUR);
}

const plain = (bars: StrategyData) => Object.fromEntries(Object.entries(bars).map(([k, v]) => [k, Array.from(v)]));

let seriesCounter = 0;
const freshSeries = (): SeriesKey => ({ provider: 'kraken', symbol: `BTC/USD-${++seriesCounter}`, timeframe: '1h' });

/** Registers the suite under `name`. */
export function candleStoreSuite(name: string, makeStore: StoreFactory): void {
  describe(`CandleStore conformance: ${name}`, () => {
    const T0 = Date.UTC(2022, 0, 1);

    it('returns the bars written, across chunk boundaries, and exactly the asked window', async () => {
      const store = await makeStore();
      const series = freshSeries();
      const bars = barsAt(hourly(T0, 3 * CHUNK_BARS + 17));
      await store.putBars(series, bars);
      expect(plain(await store.getRange(series, T0, T0 + 10_000 * HOUR))).toEqual(plain(bars));
      const window = await store.getRange(series, T0 + 2000 * HOUR, T0 + 4100 * HOUR);
      expect(Array.from(window.timestamp)).toEqual(hourly(T0 + 2000 * HOUR, 2100));
      expect(Array.from(window.close)).toEqual(Array.from(bars.close.subarray(2000, 4100)));
    });

    it('changes nothing when the same bars are written twice', async () => {
      const store = await makeStore();
      const series = freshSeries();
      const bars = barsAt(hourly(T0, 2500));
      expect(await store.putBars(series, bars)).toEqual({ added: 2500, replaced: 0, unchanged: 0 });
      const before = await store.coverage(series);
      expect(await store.putBars(series, bars)).toEqual({ added: 0, replaced: 0, unchanged: 2500 });
      const after = await store.coverage(series);
      expect(after).toEqual(before);
      expect(after?.bars).toBe(2500);
    });

    it('merges overlapping writes and lets a new value replace a stored one of the same time', async () => {
      const store = await makeStore();
      const series = freshSeries();
      await store.putBars(series, barsAt(hourly(T0, 100)));
      const result = await store.putBars(series, barsAt(hourly(T0 + 50 * HOUR, 100), 1));
      expect(result).toEqual({ added: 50, replaced: 50, unchanged: 0 });
      const all = await store.getRange(series, T0, T0 + 1000 * HOUR);
      expect(all.timestamp.length).toBe(150);
      expect(all.open[49]).toBe(barsAt([T0 + 49 * HOUR]).open[0]);
      expect(all.open[50]).toBe(barsAt([T0 + 50 * HOUR], 1).open[0]);
    });

    it('loses no bar when writers merge into the same chunk concurrently', async () => {
      const store = await makeStore();
      const series = freshSeries();
      const writers = 6;
      const results = await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          store.putBars(series, barsAt(hourly(T0 + w * HOUR, 200, writers)), [T0 + w * HOUR, T0 + w * HOUR + 1]),
        ),
      );
      expect(results.reduce((sum, r) => sum + r.added, 0)).toBe(writers * 200);
      const all = await store.getRange(series, T0, T0 + 100_000 * HOUR);
      expect(Array.from(all.timestamp)).toEqual(hourly(T0, writers * 200));
      expect((await store.coverage(series))?.ranges).toHaveLength(writers);
    });

    it('keeps coverage: known ranges joined, first and last bar, count; lists every series', async () => {
      const store = await makeStore();
      const series = freshSeries();
      expect(await store.coverage(series)).toBeUndefined();
      await store.putBars(series, barsAt(hourly(T0, 10)));
      await store.putBars(series, barsAt(hourly(T0 + 20 * HOUR, 10)));
      await store.putBars(series, barsAt([]), [T0 + 10 * HOUR, T0 + 20 * HOUR]);
      const coverage = await store.coverage(series);
      expect(coverage).toMatchObject({ ...series, bars: 20, first: T0, last: T0 + 29 * HOUR });
      expect(coverage?.ranges).toEqual([[T0, T0 + 30 * HOUR]]);
      const listed = await store.listSeries();
      expect(listed.find((s) => s.symbol === series.symbol)).toEqual(coverage);
    });

    it('answers an empty window for a series or range with no bars', async () => {
      const store = await makeStore();
      const series = freshSeries();
      expect((await store.getRange(series, T0, T0 + HOUR)).timestamp.length).toBe(0);
      await store.putBars(series, barsAt(hourly(T0, 5)));
      expect((await store.getRange(series, T0 + 5 * HOUR, T0 + 50 * HOUR)).timestamp.length).toBe(0);
      expect((await store.getRange(series, T0 + 2 * HOUR, T0 + 2 * HOUR)).timestamp.length).toBe(0);
    });
  });
}
