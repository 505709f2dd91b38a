/** The provider a query names: `csv`, `synthetic`, or an exchange read through ccxt. */
import {
  type CandleProvider,
  type CandleQuery,
  type CandleSet,
  type Clock,
  type KeyVault,
  StratexError,
} from '@stratex/core';
import { createCsvProvider } from './csv/csv-provider.js';
import { EXCHANGE_IDS, type ExchangeId, isExchangeId } from './exchanges/exchange-profiles.js';
import { createExchangeProvider, type ExchangeProviderOptions } from './exchanges/exchange-provider.js';
import { createSyntheticProvider } from './synthetic/synthetic-provider.js';

/** Exchanges CONTRACT.md section 5 names, read through ccxt. */
export const EXCHANGE_PROVIDERS = EXCHANGE_IDS;
export const PROVIDERS = [...EXCHANGE_PROVIDERS, 'csv', 'synthetic'] as const;

export interface MarketDataOptions {
  clock: Clock;
  /** The file the `csv` provider reads (`--data`). */
  csvFile?: string;
  /** Keys of exchanges that need them (Alpaca). */
  keyVault?: KeyVault;
  /** Settings of the exchange providers: other base URLs per exchange (tests), retries, page size. */
  exchanges?: ExchangeSettings;
}

export interface ExchangeSettings extends Pick<ExchangeProviderOptions, 'retry' | 'pageLimit' | 'rateLimitMs'> {
  urls?: Partial<Record<ExchangeId, Record<string, string>>>;
}

/** One provider that dispatches each query on `query.provider`. */
export function createMarketData(options: MarketDataOptions): CandleProvider {
  const synthetic = createSyntheticProvider({ clock: options.clock });
  const csv =
    options.csvFile === undefined ? undefined : createCsvProvider({ file: options.csvFile, clock: options.clock });
  const exchanges = new Map<ExchangeId, CandleProvider>();
  const exchange = (id: ExchangeId): CandleProvider => {
    let provider = exchanges.get(id);
    if (provider === undefined) {
      provider = createExchangeProvider(exchangeOptions(id, options));
      exchanges.set(id, provider);
    }
    return provider;
  };
  return {
    async candles(query: CandleQuery): Promise<CandleSet> {
      if (query.provider === 'synthetic') return synthetic.candles(query);
      if (query.provider === 'csv') {
        if (csv === undefined) {
          throw new StratexError('INVALID_REQUEST', 'the csv provider needs a file: --data file.csv', {
            field: 'data',
          });
        }
        return csv.candles(query);
      }
      if (isExchangeId(query.provider)) return exchange(query.provider).candles(query);
      throw new StratexError(
        'INVALID_REQUEST',
        `unknown provider "${query.provider}"; use one of ${PROVIDERS.join(', ')}`,
        { field: 'provider' },
      );
    },
  };
}

function exchangeOptions(id: ExchangeId, options: MarketDataOptions): ExchangeProviderOptions {
  const { urls, ...settings } = options.exchanges ?? {};
  const idUrls = urls?.[id];
  return {
    id,
    clock: options.clock,
    ...settings,
    ...(options.keyVault === undefined ? {} : { keyVault: options.keyVault }),
    ...(idUrls === undefined ? {} : { urls: idUrls }),
  };
}
