/**
 * Fake exchanges on 127.0.0.1 speaking the real REST shapes ccxt reads (Kraken, Binance, Alpaca): a
 * markets endpoint and an OHLC endpoint serving given bars, plus scripted failures. Test support only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SharedCandles } from '../../../../testing/shared-data.js';

export type FakeKind = 'kraken' | 'binance' | 'alpaca';

/** Bars served, as float64 columns with open times in ms: the shape the shared CSVs are read into. */
export type FakeBars = SharedCandles;

/** One scripted answer: an HTTP status and a raw body. */
export interface FakeAnswer {
  status: number;
  body: string;
}

export interface FakeExchangeOptions {
  kind: FakeKind;
  /** The BTC/USD (Kraken, Alpaca) or BTC/USDT (Binance) bars. */
  bars: FakeBars;
  /** The exchange's "now" (Kraken serves the 720 bars up to it). */
  now: number;
  /** Answers given to the next OHLC requests, in order, instead of bars. */
  faults?: FakeAnswer[];
  /** Answer every OHLC request with this instead of bars. */
  failAlways?: FakeAnswer;
  /** Alpaca: the key and secret it accepts; others get a 403 whose body echoes the key sent. */
  acceptKeys?: { apiKey: string; secret: string };
}

export interface FakeExchange {
  /** ccxt `urls.api` for this fake. */
  urls: Record<string, string>;
  /** Paths with query of every request, in order. */
  requests: string[];
  /** How many OHLC requests were answered with bars. */
  ohlcPages: number;
  close(): Promise<void>;
}

type Route = (url: URL, req: IncomingMessage) => FakeAnswer | undefined;

/** Starts a fake exchange on 127.0.0.1 on a free port. */
export async function startFakeExchange(options: FakeExchangeOptions): Promise<FakeExchange> {
  const faults = [...(options.faults ?? [])];
  const routes = ROUTES[options.kind](options);
  const fake: FakeExchange = { urls: {}, requests: [], ohlcPages: 0, close: async () => {} };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    fake.requests.push(`${url.pathname}${url.search}`);
    let answer: FakeAnswer | undefined;
    if (routes.isOhlc(url)) {
      answer = faults.shift() ?? options.failAlways;
      if (answer === undefined) fake.ohlcPages += 1;
    }
    answer ??= routes.answer(url, req) ?? { status: 404, body: '{"error":"not found"}' };
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.urls = URLS[options.kind](base);
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}

const URLS: Record<FakeKind, (base: string) => Record<string, string>> = {
  kraken: (base) => ({ public: base, private: base }),
  binance: (base) => ({ public: `${base}/api/v3`, private: `${base}/api/v3`, v1: `${base}/api/v1` }),
  alpaca: (base) => ({ broker: base, trader: base, market: base }),
};

const json = (value: unknown): FakeAnswer => ({ status: 200, body: JSON.stringify(value) });

/** Indices of the bars with open time in [from, to), at most `limit` from the first. */
function pick(bars: FakeBars, from: number, to: number, limit: number): number[] {
  const picked: number[] = [];
  for (let i = 0; i < bars.time.length && picked.length < limit; i++) {
    if (bars.time[i] >= from && bars.time[i] < to) picked.push(i);
  }
  return picked;
}

const MINUTE = 60_000;

interface Routes {
  isOhlc(url: URL): boolean;
  answer: Route;
}

const ROUTES: Record<FakeKind, (options: FakeExchangeOptions) => Routes> = {
  kraken: (options) => ({
    isOhlc: (url) => url.pathname === '/0/public/OHLC',
    answer: (url) => {
      if (url.pathname === '/0/public/Assets') return json({ error: [], result: KRAKEN_ASSETS });
      if (url.pathname === '/0/public/AssetPairs') return json({ error: [], result: KRAKEN_PAIRS });
      if (url.pathname !== '/0/public/OHLC') return undefined;
      const pair = url.searchParams.get('pair');
      if (pair !== 'XXBTZUSD') return json({ error: ['EQuery:Unknown asset pair'] });
      const intervalMs = Number(url.searchParams.get('interval')) * MINUTE;
      // Kraken keeps the latest 720 bars (the forming one included) and returns those after `since`.
      const current = Math.floor(options.now / intervalMs) * intervalMs;
      const oldest = current - 719 * intervalMs;
      const since = Number(url.searchParams.get('since') ?? 0) * 1000;
      const rows = pick(options.bars, Math.max(oldest, since + 1), current + intervalMs, 720).map((i) => {
        const b = options.bars;
        const cells = [b.open[i], b.high[i], b.low[i], b.close[i], b.close[i], b.volume[i]].map(String);
        return [b.time[i] / 1000, ...cells, 1];
      });
      const last = rows.length === 0 ? since / 1000 : rows[rows.length - 1][0];
      return json({ error: [], result: { XXBTZUSD: rows, last } });
    },
  }),
  binance: (options) => ({
    isOhlc: (url) => url.pathname === '/api/v3/klines',
    answer: (url) => {
      if (url.pathname === '/api/v3/exchangeInfo') return json(BINANCE_INFO);
      if (url.pathname !== '/api/v3/klines') return undefined;
      if (url.searchParams.get('symbol') !== 'BTCUSDT') {
        return { status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' };
      }
      const from = Number(url.searchParams.get('startTime') ?? 0);
      const to = Number(url.searchParams.get('endTime') ?? Number.MAX_SAFE_INTEGER) + 1;
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 500), 1000);
      const step = BINANCE_INTERVAL_MS[url.searchParams.get('interval') ?? ''] ?? MINUTE;
      const b = options.bars;
      return json(
        pick(b, from, to, limit).map((i) => [
          b.time[i],
          ...[b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]].map(String),
          b.time[i] + step - 1,
          '0',
          1,
          '0',
          '0',
          '0',
        ]),
      );
    },
  }),
  alpaca: (options) => ({
    isOhlc: (url) => url.pathname === '/v1beta3/crypto/us/bars',
    answer: (url, req) => {
      const keys = options.acceptKeys;
      const sentKey = String(req.headers['apca-api-key-id'] ?? '');
      if (url.pathname === '/v2/assets') {
        if (keys !== undefined && (sentKey !== keys.apiKey || req.headers['apca-api-secret-key'] !== keys.secret)) {
          return {
            status: 403,
            body: JSON.stringify({ code: 40310000, message: `forbidden: key ${sentKey} rejected` }),
          };
        }
        return json(ALPACA_ASSETS);
      }
      if (url.pathname !== '/v1beta3/crypto/us/bars') return undefined;
      const symbol = url.searchParams.get('symbols') ?? '';
      const from = Date.parse(url.searchParams.get('start') ?? '1970-01-01T00:00:00Z');
      const to = Date.parse(url.searchParams.get('end') ?? '2100-01-01T00:00:00Z') + 1;
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 1000), 10_000);
      const b = options.bars;
      const bars = pick(b, from, to, limit).map((i) => ({
        t: new Date(b.time[i]).toISOString().replace('.000Z', 'Z'),
        o: b.open[i],
        h: b.high[i],
        l: b.low[i],
        c: b.close[i],
        v: b.volume[i],
        n: 1,
        vw: b.close[i],
      }));
      return json({ bars: symbol === 'BTC/USD' ? { 'BTC/USD': bars } : {}, next_page_token: null });
    },
  }),
};

const BINANCE_INTERVAL_MS: Record<string, number> = { '1m': MINUTE, '1h': 60 * MINUTE, '1d': 1440 * MINUTE };

const KRAKEN_ASSETS = {
  XXBT: { aclass: 'currency', altname: 'XBT', decimals: 10, display_decimals: 5, status: 'enabled' },
  ZUSD: { aclass: 'currency', altname: 'USD', decimals: 4, display_decimals: 2, status: 'enabled' },
  ZEUR: { aclass: 'currency', altname: 'EUR', decimals: 4, display_decimals: 2, status: 'enabled' },
  XETH: { aclass: 'currency', altname: 'ETH', decimals: 10, display_decimals: 5, status: 'enabled' },
};

const krakenPair = (altname: string, wsname: string, base: string, quote: string) => ({
  altname,
  wsname,
  aclass_base: 'currency',
  base,
  aclass_quote: 'currency',
  quote,
  pair_decimals: 1,
  lot_decimals: 8,
  fees: [[0, 0.26]],
  fees_maker: [[0, 0.16]],
  ordermin: '0.0001',
  status: 'online',
});

const KRAKEN_PAIRS = {
  XXBTZUSD: krakenPair('XBTUSD', 'XBT/USD', 'XXBT', 'ZUSD'),
  XXBTZEUR: krakenPair('XBTEUR', 'XBT/EUR', 'XXBT', 'ZEUR'),
  XETHZUSD: krakenPair('ETHUSD', 'ETH/USD', 'XETH', 'ZUSD'),
};

const binanceSymbol = (symbol: string, baseAsset: string, quoteAsset: string) => ({
  symbol,
  status: 'TRADING',
  baseAsset,
  baseAssetPrecision: 8,
  quoteAsset,
  quotePrecision: 8,
  quoteAssetPrecision: 8,
  orderTypes: ['LIMIT', 'MARKET'],
  isSpotTradingAllowed: true,
  isMarginTradingAllowed: false,
  filters: [
    { filterType: 'PRICE_FILTER', minPrice: '0.01', maxPrice: '1000000', tickSize: '0.01' },
    { filterType: 'LOT_SIZE', minQty: '0.00001', maxQty: '9000', stepSize: '0.00001' },
  ],
  permissions: [],
  permissionSets: [['SPOT']],
});

const BINANCE_INFO = {
  timezone: 'UTC',
  serverTime: 1672531200000,
  rateLimits: [],
  exchangeFilters: [],
  symbols: [
    binanceSymbol('BTCUSDT', 'BTC', 'USDT'),
    binanceSymbol('BTCUSDC', 'BTC', 'USDC'),
    binanceSymbol('ETHUSDT', 'ETH', 'USDT'),
  ],
};

const alpacaAsset = (symbol: string) => ({
  id: `id-${symbol}`,
  class: 'crypto',
  exchange: 'CRYPTO',
  symbol,
  name: symbol,
  status: 'active',
  tradable: true,
  marginable: false,
  shortable: false,
  fractionable: true,
  min_order_size: '0.0001',
  min_trade_increment: '0.000000001',
  price_increment: '1',
});

const ALPACA_ASSETS = [alpacaAsset('BTC/USD'), alpacaAsset('ETH/USD'), alpacaAsset('BTC/USDT')];
