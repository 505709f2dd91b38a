import type { CandleQuery, CandleSet, KeyVault, ProviderKeys } from '@stratex/core';
import { afterEach, expect, it } from 'vitest';
import { describeWithSharedData, readSharedCsv } from '../../../../testing/shared-data.js';
import { caught } from '../../../../testing/stratex-error.js';
import {
  type FakeAnswer,
  type FakeBars,
  type FakeExchange,
  type FakeKind,
  startFakeExchange,
} from '../test-support/fake-exchanges.js';
import type { ExchangeId } from './exchange-profiles.js';
import { createExchangeProvider } from './exchange-provider.js';

const HOUR = 3_600_000;
const FROM_2022 = Date.UTC(2022, 0, 1);
const TO_2023 = Date.UTC(2023, 0, 1);
const FAST_RETRY = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 };

let fakes: FakeExchange[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
});

interface Setup {
  kind: FakeKind;
  id?: ExchangeId;
  bars: FakeBars;
  now: number;
  faults?: FakeAnswer[];
  failAlways?: FakeAnswer;
  pageLimit?: number;
  keys?: ProviderKeys;
  acceptKeys?: ProviderKeys;
}

async function setup(options: Setup) {
  const { kind, bars, now } = options;
  const fake = await startFakeExchange({
    kind,
    bars,
    now,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.failAlways === undefined ? {} : { failAlways: options.failAlways }),
    ...(options.acceptKeys === undefined ? {} : { acceptKeys: options.acceptKeys }),
  });
  fakes.push(fake);
  const provider = createExchangeProvider({
    id: options.id ?? kind,
    clock: { now: () => now },
    urls: fake.urls,
    retry: FAST_RETRY,
    rateLimitMs: 1,
    ...(options.pageLimit === undefined ? {} : { pageLimit: options.pageLimit }),
    ...(options.keys === undefined ? {} : { keyVault: memoryVault({ [options.id ?? kind]: options.keys }) }),
  });
  return { fake, provider };
}

function memoryVault(stored: Record<string, ProviderKeys>): KeyVault {
  return {
    get: async (provider) => stored[provider],
    set: async () => {},
    list: async () => [],
    delete: async () => false,
  };
}

function query(symbol: string, from: number, to: number, warmupBars = 0): CandleQuery {
  return { provider: 'x', symbol, timeframe: '1h', from, to, warmupBars };
}

/** The served bars with open time in [from, to), as plain arrays, to compare with what came back. */
function slice(bars: FakeBars, from: number, to: number) {
  const keep = Array.from(bars.time, (time) => time >= from && time < to);
  const column = (values: Float64Array) => Array.from(values).filter((_, i) => keep[i]);
  return {
    timestamp: column(bars.time),
    open: column(bars.open),
    high: column(bars.high),
    low: column(bars.low),
    close: column(bars.close),
    volume: column(bars.volume),
  };
}

function plain(set: CandleSet) {
  const d = set.data;
  return {
    timestamp: Array.from(d.timestamp),
    open: Array.from(d.open),
    high: Array.from(d.high),
    low: Array.from(d.low),
    close: Array.from(d.close),
    volume: Array.from(d.volume),
  };
}

/** The served bars without those whose index is in [start, end). */
function withHole(bars: FakeBars, start: number, end: number): FakeBars {
  const cut = (values: Float64Array) => Float64Array.from([...values.subarray(0, start), ...values.subarray(end)]);
  return {
    time: cut(bars.time),
    open: cut(bars.open),
    high: cut(bars.high),
    low: cut(bars.low),
    close: cut(bars.close),
    volume: cut(bars.volume),
  };
}

const status = (code: number, body = '{"code":-1000,"msg":"busy"}'): FakeAnswer => ({ status: code, body });

describeWithSharedData('exchange providers against fake exchanges on 127.0.0.1', () => {
  const bars = readSharedCsv('kraken_BTCUSD_1h_2022.csv');
  const endOfData = TO_2023;

  it('binance: pages through a year of hourly bars and returns exactly the served bars', async () => {
    const { fake, provider } = await setup({ kind: 'binance', bars, now: endOfData + HOUR, pageLimit: 500 });
    await provider.candles(query('BTC/USDT', FROM_2022, FROM_2022 + HOUR)); // loads ccxt and the markets
    fake.ohlcPages = 0;
    const started = performance.now();
    const set = await provider.candles(query('BTC/USDT', FROM_2022, TO_2023));
    const ms = performance.now() - started;
    expect(plain(set)).toEqual(slice(bars, FROM_2022, TO_2023));
    expect(set.data.timestamp.length).toBe(8760);
    expect(fake.ohlcPages).toBe(Math.ceil(8760 / 500));
    expect(set.gaps).toBe(0);
    console.info(`binance fake: 8760 bars in ${fake.ohlcPages} pages, ${ms.toFixed(0)} ms`);
  });

  it('binance: a gap in the served bars stays a gap, no bar is invented', async () => {
    const holed = withHole(bars, 1000, 1050);
    const { provider } = await setup({ kind: 'binance', bars: holed, now: endOfData + HOUR, pageLimit: 300 });
    const set = await provider.candles(query('BTC/USDT', FROM_2022, TO_2023));
    expect(plain(set)).toEqual(slice(holed, FROM_2022, TO_2023));
    expect(set.gaps).toBe(1);
    expect(set.missingBars).toBe(50);
  });

  it('binance: retries after 429s and 500s, then returns the same bars', async () => {
    const faults = [status(429), status(500), status(503)];
    const { fake, provider } = await setup({ kind: 'binance', bars, now: endOfData + HOUR, faults });
    const set = await provider.candles(query('BTC/USDT', FROM_2022, FROM_2022 + 800 * HOUR));
    expect(plain(set)).toEqual(slice(bars, FROM_2022, FROM_2022 + 800 * HOUR));
    expect(fake.requests.filter((path) => path.startsWith('/api/v3/klines'))).toHaveLength(4);
  });

  it('binance: a persistent 500 is PROVIDER_ERROR after the retries are spent', async () => {
    const { fake, provider } = await setup({
      kind: 'binance',
      bars,
      now: endOfData + HOUR,
      failAlways: status(500, 'Internal Server Error'),
    });
    const error = await caught(() => provider.candles(query('BTC/USDT', FROM_2022, TO_2023)));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.message).toMatch(/Binance did not answer properly after 4 attempts.*try again later/);
    expect(fake.requests.filter((path) => path.startsWith('/api/v3/klines'))).toHaveLength(4);
  });

  it('binance: a permanent exchange error is not retried', async () => {
    const faults = [status(400, '{"code":-1121,"msg":"Invalid symbol."}')];
    const { fake, provider } = await setup({ kind: 'binance', bars, now: endOfData + HOUR, faults });
    const error = await caught(() => provider.candles(query('BTC/USDT', FROM_2022, TO_2023)));
    expect(error.code).toBe('DATA_UNAVAILABLE');
    expect(fake.requests.filter((path) => path.startsWith('/api/v3/klines'))).toHaveLength(1);
  });

  it('binance: malformed answers are PROVIDER_ERROR', async () => {
    const notJson = await setup({ kind: 'binance', bars, now: endOfData, faults: [status(200, '<html>hi</html>')] });
    const first = await caught(() => notJson.provider.candles(query('BTC/USDT', FROM_2022, TO_2023)));
    expect(first.code).toBe('PROVIDER_ERROR');
    expect(first.message).toMatch(/not JSON/);
    const row = [FROM_2022, 'abc', '1', '1', '1', '1', FROM_2022 + HOUR - 1, '0', 1, '0', '0', '0'];
    const badPrice = await setup({
      kind: 'binance',
      bars,
      now: endOfData,
      faults: [status(200, JSON.stringify([row]))],
    });
    const second = await caught(() => badPrice.provider.candles(query('BTC/USDT', FROM_2022, TO_2023)));
    expect(second.code).toBe('PROVIDER_ERROR');
    expect(second.message).toMatch(/malformed candles \(candle 0 has no valid open\)/);
  });

  it('binance: rows out of order or repeated (across pages too) come back sorted, once each', async () => {
    const row = (i: number) => [
      bars.time[i],
      ...[bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i]].map(String),
      bars.time[i] + HOUR - 1,
      '0',
      1,
      '0',
      '0',
      '0',
    ];
    const faults = [status(200, JSON.stringify([row(2), row(0), row(1), row(1)]))];
    const { provider } = await setup({ kind: 'binance', bars, now: endOfData, faults });
    const set = await provider.candles(query('BTC/USDT', FROM_2022, FROM_2022 + 3 * HOUR));
    expect(plain(set)).toEqual(slice(bars, FROM_2022, FROM_2022 + 3 * HOUR));
  });

  it('binance: an unknown symbol says which market was meant', async () => {
    const { fake, provider } = await setup({ kind: 'binance', bars, now: endOfData });
    const error = await caught(() => provider.candles(query('BTC/USD', FROM_2022, TO_2023)));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toBe('BTC/USD is not a market on binance; did you mean BTC/USDT or BTC/USDC?');
    const noSlash = await caught(() => provider.candles(query('BTCUSDT', FROM_2022, TO_2023)));
    expect(noSlash.message).toMatch(/write symbols as BASE\/QUOTE, e.g. BTC\/USDT/);
    expect(fake.ohlcPages).toBe(0);
  });

  it('binance: a timeframe the exchange lacks lists the ones it has', async () => {
    const { provider } = await setup({ kind: 'binance', bars, now: endOfData });
    const error = await caught(() => provider.candles({ ...query('BTC/USDT', FROM_2022, TO_2023), timeframe: '7m' }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(/^Binance has no 7m bars; use one of 1s, 1m, 3m/);
  });

  it('binance.us speaks the same shapes', async () => {
    const { provider } = await setup({ kind: 'binance', id: 'binanceus', bars, now: endOfData });
    const set = await provider.candles(query('BTC/USDT', FROM_2022, FROM_2022 + 24 * HOUR));
    expect(plain(set)).toEqual(slice(bars, FROM_2022, FROM_2022 + 24 * HOUR));
  });

  it('closed bars only: the bar still forming at "now" is left out', async () => {
    const now = FROM_2022 + 100 * HOUR + 30 * 60_000;
    const { provider } = await setup({ kind: 'binance', bars, now });
    const set = await provider.candles(query('BTC/USDT', FROM_2022, TO_2023));
    expect(plain(set)).toEqual(slice(bars, FROM_2022, FROM_2022 + 100 * HOUR));
  });

  it('kraken: the latest 720 bars come back exactly as served', async () => {
    const from = endOfData - 700 * HOUR;
    const { fake, provider } = await setup({ kind: 'kraken', bars, now: endOfData });
    const set = await provider.candles(query('BTC/USD', from, endOfData, 19));
    expect(plain(set)).toEqual(slice(bars, from - 19 * HOUR, endOfData));
    expect(set.warmupBars).toBe(19);
    expect(fake.ohlcPages).toBe(1);
  });

  it('kraken: XBT/USD is BTC/USD, and a warm-up reaching past the 720 bars is cut short', async () => {
    const from = endOfData - 710 * HOUR;
    const { provider } = await setup({ kind: 'kraken', bars, now: endOfData });
    const set = await provider.candles(query('XBT/USD', from, endOfData, 50));
    expect(set.warmupBars).toBe(9);
    expect(set.warnings[0]).toMatch(/only 9 of the 50 warm-up bars/);
  });

  it('kraken: a start older than the latest 720 bars is DATA_UNAVAILABLE pointing at data import', async () => {
    const { fake, provider } = await setup({ kind: 'kraken', bars, now: endOfData });
    const error = await caught(() => provider.candles(query('BTC/USD', FROM_2022, TO_2023)));
    expect(error.code).toBe('DATA_UNAVAILABLE');
    expect(error.message).toMatch(/only the latest 720 1h bars/);
    expect(error.message).toMatch(/stratex data import <file.csv> --provider kraken --symbol BTC\/USD --timeframe 1h/);
    expect(fake.ohlcPages).toBe(0);
  });

  it('kraken: "service unavailable" inside a 200 answer is retried', async () => {
    const faults = [
      status(200, '{"error":["EService:Unavailable"]}'),
      status(200, '{"error":["EAPI:Rate limit exceeded"]}'),
    ];
    const from = endOfData - 100 * HOUR;
    const { fake, provider } = await setup({ kind: 'kraken', bars, now: endOfData, faults });
    const set = await provider.candles(query('BTC/USD', from, endOfData));
    expect(plain(set)).toEqual(slice(bars, from, endOfData));
    expect(fake.requests.filter((path) => path.startsWith('/0/public/OHLC'))).toHaveLength(3);
  });

  it('an exchange that cannot be reached is PROVIDER_ERROR after the retries', async () => {
    const { fake, provider } = await setup({ kind: 'binance', bars, now: endOfData });
    await fake.close();
    const error = await caught(() => provider.candles(query('BTC/USDT', FROM_2022, TO_2023)));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.message).toMatch(/^Binance did not answer properly after 4 attempts/);
  });

  it('kraken: an unknown pair suggests the pairs of that base', async () => {
    const { provider } = await setup({ kind: 'kraken', bars, now: endOfData });
    const error = await caught(() => provider.candles(query('BTC/USDT', endOfData - 10 * HOUR, endOfData)));
    expect(error.message).toBe('BTC/USDT is not a market on kraken; did you mean BTC/USD or BTC/EUR?');
  });

  it('alpaca: reads with the keys from the vault, across pages', async () => {
    const keys = { apiKey: 'AKFAKEKEY123456', secret: 'fake-secret-abcdef' };
    const { fake, provider } = await setup({
      kind: 'alpaca',
      bars,
      now: endOfData,
      keys,
      acceptKeys: keys,
      pageLimit: 1000,
    });
    const set = await provider.candles(query('BTC/USD', FROM_2022, FROM_2022 + 2500 * HOUR));
    expect(plain(set)).toEqual(slice(bars, FROM_2022, FROM_2022 + 2500 * HOUR));
    expect(fake.ohlcPages).toBe(3);
  });

  it('alpaca: without stored keys it says how to store them', async () => {
    const { provider } = await setup({ kind: 'alpaca', bars, now: endOfData });
    const error = await caught(() => provider.candles(query('BTC/USD', FROM_2022, TO_2023)));
    expect(error.code).toBe('DATA_UNAVAILABLE');
    expect(error.message).toMatch(/store them with `stratex keys set alpaca`/);
  });

  it('alpaca: rejected keys are PROVIDER_ERROR, and the key the exchange echoes is scrubbed', async () => {
    const keys = { apiKey: 'AKWRONGKEY987654', secret: 'wrong-secret-xyz123' };
    const acceptKeys = { apiKey: 'AKRIGHTKEY000000', secret: 'right-secret-000000' };
    const { provider } = await setup({ kind: 'alpaca', bars, now: endOfData, keys, acceptKeys });
    const error = await caught(() => provider.candles(query('BTC/USD', FROM_2022, TO_2023)));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.message).toMatch(/Alpaca rejected the API keys .*\[redacted\].*stratex keys set alpaca/);
    const everything = JSON.stringify(error.toBody()) + String(error.stack);
    expect(everything).not.toContain(keys.apiKey);
    expect(everything).not.toContain(keys.secret);
  });
});
