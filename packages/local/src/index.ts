export { advanceTrackedSeries, backfillSeries } from '@stratex/market-data';
export { createFileBlobStore } from './blobs/file-blob-store.js';
export {
  type BackfillScheduler,
  type BackfillSchedulerOptions,
  startBackfillScheduler,
} from './data/backfill-scheduler.js';
export { type ImportReport, importCandles } from './data/import-candles.js';
export {
  createExchangeSource,
  createLocalCandles,
  type LocalCandles,
  type LocalCandlesOptions,
} from './data/local-candles.js';
export { type RepairReport, repairGaps } from './data/repair-gaps.js';
export { type Gap, seriesGaps } from './data/series-gaps.js';
export { LOCAL_EXECUTIONS_TABLE, type LocalExecutionStorage, openLocalExecutions } from './executions.js';
export { createLocalKeyVault, type LocalKeyVaultOptions } from './key-vault/local-key-vault.js';
export { createLocalExecution, type LocalExecution, type LocalExecutionOptions } from './local-execution.js';
export {
  createLocalServer,
  DEFAULT_HOST,
  DEFAULT_PORT,
  LOCAL_USER,
  type LocalServer,
  type LocalServerOptions,
} from './serve/local-server.js';
export { type EmbeddedDynamo, startEmbeddedDynamo } from './store/embedded-dynamo.js';
export { LOCAL_TABLE, type LocalCandleStore, openLocalCandleStore, stratexHome } from './store/local-candle-store.js';
export { type ClosableRuntime, createLocalRuntimes } from './strategy-runtimes.js';
export { systemClock } from './system-clock.js';
