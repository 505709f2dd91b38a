/** The candle store of one machine: the DynamoDB store over the embedded server under STRATEX_HOME. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createDynamoCandleStore } from '@stratex/aws';
import type { CandleStore } from '@stratex/core';
import { cacheCandleStore, parseTimeframe } from '@stratex/market-data';
import { openSharedTable } from './shared-server.js';

/** The one table of the local repositories (the cloud names its table per stage). */
export const LOCAL_TABLE = 'stratex';

export interface LocalCandleStore {
  store: CandleStore;
  close(): Promise<void>;
}

/** `STRATEX_HOME`, or ~/.stratex. */
export function stratexHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.STRATEX_HOME !== undefined && env.STRATEX_HOME !== '' ? env.STRATEX_HOME : join(homedir(), '.stratex');
}

/** Opens the cached candle store on the embedded server of `<home>/store` (started here or shared). */
export async function openLocalCandleStore(home: string = stratexHome()): Promise<LocalCandleStore> {
  const server = await openSharedTable(join(home, 'store'), LOCAL_TABLE);
  const store = createDynamoCandleStore({ client: server.client, tableName: LOCAL_TABLE, timeframeMs: parseTimeframe });
  return { store: cacheCandleStore(store), close: () => server.close() };
}
