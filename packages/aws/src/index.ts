export type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export { ensureTable } from './candles/candle-table.js';
export { CHUNK_BARS } from './candles/chunk-grid.js';
export { addRange, type Range } from './candles/coverage-ranges.js';
export { createDynamoCandleStore, type DynamoCandleStoreOptions } from './candles/dynamo-candle-store.js';
export {
  createDynamoExecutionRepo,
  type DynamoExecutionRepoOptions,
} from './executions/dynamo-execution-repo.js';
export { createLocalDynamoClient } from './local-client.js';
