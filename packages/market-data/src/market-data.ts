/** The provider a query names: `csv`, `synthetic`, or an exchange (not built yet). */
import { type CandleProvider, type CandleQuery, type CandleSet, type Clock, StratexError } from '@stratex/core';
import { createCsvProvider } from './csv/csv-provider.js';
import { createSyntheticProvider } from './synthetic/synthetic-provider.js';

/** Exchanges CONTRACT.md section 5 names; their ccxt providers come with the market-data issue. */
export const EXCHANGE_PROVIDERS = ['kraken', 'binance', 'binanceus', 'alpaca'] as const;
export const PROVIDERS = [...EXCHANGE_PROVIDERS, 'csv', 'synthetic'] as const;

export interface MarketDataOptions {
  clock: Clock;
  /** The file the `csv` provider reads (`--data`). */
  csvFile?: string;
}

/** One provider that dispatches each query on `query.provider`. */
export function createMarketData(options: MarketDataOptions): CandleProvider {
  const synthetic = createSyntheticProvider({ clock: options.clock });
  const csv =
    options.csvFile === undefined ? undefined : createCsvProvider({ file: options.csvFile, clock: options.clock });
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
      if ((EXCHANGE_PROVIDERS as readonly string[]).includes(query.provider)) {
        throw new StratexError(
          'DATA_UNAVAILABLE',
          `provider ${query.provider}: not built yet — use --provider csv --data file.csv or --provider synthetic`,
          { provider: query.provider },
        );
      }
      throw new StratexError(
        'INVALID_REQUEST',
        `unknown provider "${query.provider}"; use one of ${PROVIDERS.join(', ')}`,
        { field: 'provider' },
      );
    },
  };
}
