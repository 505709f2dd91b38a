/**
 * The candles of one machine: `csv` and `synthetic` as they are; exchange ids through the candle store
 * (fetch-through), which is opened only when a query first needs it.
 */
import type { CandleProvider, CandleQuery, CandleSet, Clock } from '@stratex/core';
import { createMarketData, createStoredCandles, EXCHANGE_PROVIDERS } from '@stratex/market-data';
import { createLocalKeyVault } from '../key-vault/local-key-vault.js';
import type { LocalCandleStore } from '../store/local-candle-store.js';

export interface LocalCandlesOptions {
  clock: Clock;
  csvFile?: string;
  /** STRATEX_HOME (the store lives under it). */
  home?: string;
}

export interface LocalCandles extends CandleProvider {
  /** Stops the embedded store if a query started it. */
  close(): Promise<void>;
}

/** Dispatches on the provider; exchange data is read through the local store. */
export function createLocalCandles(options: LocalCandlesOptions): LocalCandles {
  const direct = createMarketData({
    clock: options.clock,
    keyVault: createLocalKeyVault(options.home === undefined ? {} : { home: options.home }),
    ...(options.csvFile === undefined ? {} : { csvFile: options.csvFile }),
  });
  let opened: Promise<{ local: LocalCandleStore; stored: CandleProvider }> | undefined;
  const open = () => {
    // Imported here: the store brings the AWS SDK and dynalite, which csv and synthetic runs never need.
    opened ??= import('../store/local-candle-store.js')
      .then((store) => store.openLocalCandleStore(options.home))
      .then((local) => ({
        local,
        stored: createStoredCandles({ store: local.store, source: direct, clock: options.clock }),
      }));
    return opened;
  };
  return {
    async candles(query: CandleQuery): Promise<CandleSet> {
      if (!(EXCHANGE_PROVIDERS as readonly string[]).includes(query.provider)) return direct.candles(query);
      return (await open()).stored.candles(query);
    },
    async close() {
      if (opened !== undefined) await (await opened).local.close();
    },
  };
}

/** The providers themselves, without the store: what gap repair and backfill fetch from. */
export function createExchangeSource(clock: Clock, home?: string): CandleProvider {
  return createMarketData({ clock, keyVault: createLocalKeyVault(home === undefined ? {} : { home }) });
}
