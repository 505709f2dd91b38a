export { type CsvProviderOptions, createCsvProvider } from './csv/csv-provider.js';
export { type CandleColumns, CSV_COLUMNS, type ParsedCandles, parseCandlesCsv } from './csv/parse-candles-csv.js';
export { checkTimeframe, medianSpacing } from './csv/timeframe-check.js';
export {
  EXCHANGE_IDS,
  EXCHANGE_PROFILES,
  type ExchangeId,
  type ExchangeProfile,
  isExchangeId,
} from './exchanges/exchange-profiles.js';
export { createExchangeProvider, type ExchangeProviderOptions } from './exchanges/exchange-provider.js';
export type { RetryOptions } from './exchanges/retry.js';
export { countGaps, type GapCount } from './gaps.js';
export {
  createMarketData,
  EXCHANGE_PROVIDERS,
  type ExchangeSettings,
  type MarketDataOptions,
  PROVIDERS,
} from './market-data.js';
export { selectWindow } from './select-window.js';
export { type AdvanceOptions, type AdvanceReport, advanceTrackedSeries } from './store/advance-tracked-series.js';
export {
  BACKFILL_STEP_BARS,
  type BackfillOptions,
  type BackfillProgress,
  type BackfillReport,
  backfillSeries,
} from './store/backfill.js';
export {
  type CachedCandleStore,
  cacheCandleStore,
  DEFAULT_CACHE_BYTES,
} from './store/cached-candle-store.js';
export { checkQuality, type DataQuality } from './store/data-quality.js';
export { missingRanges } from './store/missing-ranges.js';
export {
  createStoredCandles,
  fetchMissing,
  firstOpenBar,
  type StoredCandlesOptions,
} from './store/stored-candles.js';
export {
  createSyntheticProvider,
  DEFAULT_SEED,
  MAX_SYNTHETIC_BARS,
  syntheticCandles,
} from './synthetic/synthetic-provider.js';
export { alignUp, formatTimeframe, parseTimeframe } from './timeframe.js';
