/** What stratex knows about each exchange it reads candles from through ccxt. */

export const EXCHANGE_IDS = ['kraken', 'binance', 'binanceus', 'alpaca'] as const;
export type ExchangeId = (typeof EXCHANGE_IDS)[number];

export interface ExchangeProfile {
  id: ExchangeId;
  /** Name for messages. */
  name: string;
  /** Bars asked for per request (the endpoint's maximum). */
  pageLimit: number;
  /** The endpoint serves only this many of the latest bars (Kraken: 720); older history must be imported. */
  historyBars?: number;
  /** The OHLC endpoint takes an end time (ccxt's `until`). */
  takesUntil: boolean;
  /** Markets (and so candles) need the user's API keys. */
  needsKeys: boolean;
  /** Quote currencies to suggest, most likely first, when a symbol is not a market. */
  usualQuotes: string[];
  /** ccxt options that keep loadMarkets to the spot markets a backtest can use. */
  ccxtOptions: Record<string, unknown>;
}

const SPOT_ONLY = { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false };

export const EXCHANGE_PROFILES: Record<ExchangeId, ExchangeProfile> = {
  kraken: {
    id: 'kraken',
    name: 'Kraken',
    pageLimit: 720,
    historyBars: 720,
    takesUntil: false,
    needsKeys: false,
    usualQuotes: ['USD', 'EUR', 'USDT', 'USDC'],
    ccxtOptions: {},
  },
  binance: {
    id: 'binance',
    name: 'Binance',
    pageLimit: 1000,
    takesUntil: true,
    needsKeys: false,
    usualQuotes: ['USDT', 'USDC', 'FDUSD', 'EUR'],
    ccxtOptions: SPOT_ONLY,
  },
  binanceus: {
    id: 'binanceus',
    name: 'Binance.US',
    pageLimit: 1000,
    takesUntil: true,
    needsKeys: false,
    usualQuotes: ['USD', 'USDT', 'USDC'],
    ccxtOptions: SPOT_ONLY,
  },
  alpaca: {
    id: 'alpaca',
    name: 'Alpaca',
    pageLimit: 10_000,
    takesUntil: true,
    needsKeys: true,
    usualQuotes: ['USD', 'USDT', 'USDC'],
    ccxtOptions: {},
  },
};

/** Whether `provider` names one of the exchanges above. */
export function isExchangeId(provider: string): provider is ExchangeId {
  return (EXCHANGE_IDS as readonly string[]).includes(provider);
}
