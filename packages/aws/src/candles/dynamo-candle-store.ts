/**
 * The CandleStore on DynamoDB (and on anything speaking its API: DynamoDB Local, the embedded server).
 * Items: one per chunk (`pk` = the series, `sk` = `chunk#<start>`: packed columns, bar count, first and
 * last time, a version) and one coverage record per series (`pk` = `candle-series`: the known ranges).
 * Every write is a conditional put on the version read, retried on conflict: no transactions. Chunks
 * are written before the coverage that names them, so a crash between the two only means a re-fetch.
 */
import { type AttributeValue, type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { CandleStore, PutBarsResult, SeriesCoverage, SeriesKey, StrategyData } from '@stratex/core';
import { queryItems } from '../query-items.js';
import { decodeChunk, encodeChunk } from './chunk-codec.js';
import { chunkSortKey, chunkStart } from './chunk-grid.js';
import { addRange, type Range } from './coverage-ranges.js';
import { mapLimit } from './map-limit.js';
import { concatBars, mergeBars, sliceBars, subBars } from './merge-bars.js';
import { putVersioned } from './versioned-put.js';

const SERIES_PK = 'candle-series';
const PARALLEL_WRITES = 8;

export interface DynamoCandleStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Bar length in ms of a timeframe (`1h` → 3,600,000); throws for an invalid one. */
  timeframeMs: (timeframe: string) => number;
}

type Item = Record<string, AttributeValue>;

const seriesPk = (s: SeriesKey) => `candles#${s.provider}#${s.symbol}#${s.timeframe}`;
const seriesSk = (s: SeriesKey) => `${s.provider}#${s.symbol}#${s.timeframe}`;
const num = (value: number): AttributeValue => ({ N: String(value) });

/** A CandleStore over one table (see ensureTable). */
export function createDynamoCandleStore(options: DynamoCandleStoreOptions): CandleStore {
  const { client, tableName } = options;

  async function readChunks(series: SeriesKey, from: number, to: number): Promise<StrategyData[]> {
    const tf = options.timeframeMs(series.timeframe);
    const parts: StrategyData[] = [];
    const chunks = queryItems(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
      ExpressionAttributeValues: {
        ':pk': { S: seriesPk(series) },
        ':a': { S: chunkSortKey(chunkStart(from, tf)) },
        ':b': { S: chunkSortKey(chunkStart(to - 1, tf)) },
      },
      ConsistentRead: true,
    });
    for await (const item of chunks) parts.push(sliceBars(decodeChunk(item.bars.B!), from, to));
    return parts;
  }

  async function mergeChunk(series: SeriesKey, start: number, bars: StrategyData): Promise<PutBarsResult> {
    const key = { pk: { S: seriesPk(series) }, sk: { S: chunkSortKey(start) } };
    return putVersioned(client, tableName, key, `candle chunk ${key.sk.S} of ${key.pk.S}`, (item) => {
      const merged =
        item === undefined
          ? { bars, added: bars.timestamp.length, replaced: 0, unchanged: 0 }
          : mergeBars(decodeChunk(item.bars.B!), bars);
      if (merged.added === 0 && merged.replaced === 0) return { result: counts(merged) };
      const time = merged.bars.timestamp;
      const attributes = {
        n: num(time.length),
        t0: num(time[0]),
        t1: num(time[time.length - 1]),
        bars: { B: encodeChunk(merged.bars) },
      };
      return { attributes, result: counts(merged) };
    });
  }

  async function markCovered(series: SeriesKey, range: Range): Promise<void> {
    const key = { pk: { S: SERIES_PK }, sk: { S: seriesSk(series) } };
    return putVersioned(client, tableName, key, `coverage of ${key.sk.S}`, (item) => {
      const before: Range[] = item === undefined ? [] : JSON.parse(item.ranges.S!);
      const ranges = addRange(before, range);
      if (item !== undefined && JSON.stringify(ranges) === JSON.stringify(before)) return { result: undefined };
      const attributes = {
        provider: { S: series.provider },
        symbol: { S: series.symbol },
        timeframe: { S: series.timeframe },
        ranges: { S: JSON.stringify(ranges) },
        updatedAt: num(Date.now()),
      };
      return { attributes, result: undefined };
    });
  }

  /** Bar count, first and last time from the chunks' small attributes (never from a counter that could drift). */
  async function chunkSummary(series: SeriesKey): Promise<Pick<SeriesCoverage, 'bars' | 'first' | 'last'>> {
    let bars = 0;
    let first: number | undefined;
    let last: number | undefined;
    const chunks = queryItems(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: seriesPk(series) } },
      ProjectionExpression: '#n, t0, t1',
      ExpressionAttributeNames: { '#n': 'n' },
      ConsistentRead: true,
    });
    for await (const item of chunks) {
      bars += Number(item.n.N);
      first ??= Number(item.t0.N);
      last = Number(item.t1.N);
    }
    return { bars, ...(first === undefined ? {} : { first, last }) };
  }

  async function coverageOf(item: Item): Promise<SeriesCoverage> {
    const series = { provider: item.provider.S!, symbol: item.symbol.S!, timeframe: item.timeframe.S! };
    return {
      ...series,
      ...(await chunkSummary(series)),
      ranges: JSON.parse(item.ranges.S!),
      updatedAt: Number(item.updatedAt.N),
    };
  }

  return {
    async putBars(series, bars, covered) {
      const tf = options.timeframeMs(series.timeframe);
      const groups = groupByChunk(bars, tf);
      const results = await mapLimit(groups, PARALLEL_WRITES, ([start, part]) => mergeChunk(series, start, part));
      const time = bars.timestamp;
      const range: Range | undefined =
        covered ?? (time.length === 0 ? undefined : [time[0], time[time.length - 1] + tf]);
      if (range !== undefined) await markCovered(series, range);
      return results.reduce(
        (sum, r) => ({
          added: sum.added + r.added,
          replaced: sum.replaced + r.replaced,
          unchanged: sum.unchanged + r.unchanged,
        }),
        { added: 0, replaced: 0, unchanged: 0 },
      );
    },
    async getRange(series, from, to) {
      if (to <= from) return concatBars([]);
      return concatBars(await readChunks(series, from, to));
    },
    async coverage(series) {
      const key = { pk: { S: SERIES_PK }, sk: { S: seriesSk(series) } };
      const got = await client.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
      return got.Item === undefined ? undefined : coverageOf(got.Item);
    },
    async listSeries() {
      const items: Item[] = [];
      const records = queryItems(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: SERIES_PK } },
        ConsistentRead: true,
      });
      for await (const item of records) items.push(item);
      return Promise.all(items.map(coverageOf));
    },
  };
}

function counts(result: PutBarsResult): PutBarsResult {
  return { added: result.added, replaced: result.replaced, unchanged: result.unchanged };
}

/** Only if the item is still at the version read (0: not there yet). */
/** Splits sorted bars into runs of one chunk each: [chunk start, bars]. */
function groupByChunk(bars: StrategyData, timeframeMs: number): Array<[number, StrategyData]> {
  const groups: Array<[number, StrategyData]> = [];
  const time = bars.timestamp;
  let begin = 0;
  while (begin < time.length) {
    const start = chunkStart(time[begin], timeframeMs);
    let end = begin;
    while (end < time.length && chunkStart(time[end], timeframeMs) === start) end += 1;
    groups.push([start, subBars(bars, begin, end)]);
    begin = end;
  }
  return groups;
}
