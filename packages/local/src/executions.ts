/**
 * Where `stratex serve` keeps runs on one machine: the DynamoDB ExecutionRepo on the embedded server of
 * `<home>/store` (the candle store's, started here or shared through `store.lock`), in its own table,
 * and the result JSON as files under `<home>/blobs`.
 */
import { join } from 'node:path';
import { createDynamoExecutionRepo } from '@stratex/aws';
import type { BlobStore, ExecutionRepo } from '@stratex/core';
import { createFileBlobStore } from './blobs/file-blob-store.js';
import { stratexHome } from './store/local-candle-store.js';
import { openSharedTable } from './store/shared-server.js';

/** The executions table of the local store (the cloud names it `<stage prefix>executions`). */
export const LOCAL_EXECUTIONS_TABLE = 'stratex-executions';

export interface LocalExecutionStorage {
  executions: ExecutionRepo;
  blobs: BlobStore;
  /** Stops the embedded server if this opener started it (close openers in the reverse order of opening). */
  close(): Promise<void>;
}

/** Opens the execution table and the blob folder of `home` (STRATEX_HOME, else ~/.stratex). */
export async function openLocalExecutions(home: string = stratexHome()): Promise<LocalExecutionStorage> {
  const server = await openSharedTable(join(home, 'store'), LOCAL_EXECUTIONS_TABLE);
  return {
    executions: createDynamoExecutionRepo({ client: server.client, tableName: LOCAL_EXECUTIONS_TABLE }),
    blobs: createFileBlobStore(join(home, 'blobs')),
    close: () => server.close(),
  };
}
