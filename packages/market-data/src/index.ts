export { type CsvProviderOptions, createCsvProvider } from './csv/csv-provider.js';
export { type CandleColumns, CSV_COLUMNS, type ParsedCandles, parseCandlesCsv } from './csv/parse-candles-csv.js';
export { checkTimeframe, medianSpacing } from './csv/timeframe-check.js';
export { countGaps, type GapCount } from './gaps.js';
export { createMarketData, EXCHANGE_PROVIDERS, type MarketDataOptions, PROVIDERS } from './market-data.js';
export { selectWindow } from './select-window.js';
export {
  createSyntheticProvider,
  DEFAULT_SEED,
  MAX_SYNTHETIC_BARS,
  syntheticCandles,
} from './synthetic/synthetic-provider.js';
export { alignUp, formatTimeframe, parseTimeframe } from './timeframe.js';
