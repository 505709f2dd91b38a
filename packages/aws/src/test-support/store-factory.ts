/** A fresh candle table per test on one server, for the conformance suite. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CandleStore } from '@stratex/core';
import { parseTimeframe } from '@stratex/market-data';
import { ensureTable } from '../candles/candle-table.js';
import { createDynamoCandleStore } from '../candles/dynamo-candle-store.js';

let tables = 0;

/** Creates a new table on the server behind `client` and a store over it. */
export async function freshStore(client: DynamoDBClient): Promise<CandleStore> {
  const tableName = `candles-test-${process.pid}-${++tables}`;
  await ensureTable(client, tableName);
  return createDynamoCandleStore({ client, tableName, timeframeMs: parseTimeframe });
}
