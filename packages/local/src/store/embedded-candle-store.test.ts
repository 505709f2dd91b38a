import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barsAt, candleStoreSuite, hourly } from '../../../aws/src/test-support/candle-store-suite.js';
import { freshStore } from '../../../aws/src/test-support/store-factory.js';
import { type EmbeddedDynamo, startEmbeddedDynamo } from './embedded-dynamo.js';

describe('embedded store (dynalite in memory)', () => {
  let server: EmbeddedDynamo;
  beforeAll(async () => {
    server = await startEmbeddedDynamo();
  });
  afterAll(() => server?.close());
  candleStoreSuite('embedded dynalite', () => freshStore(server.client));
});

describe('embedded store on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratex-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the bars after the server is stopped and started again on the same directory', async () => {
    const series = { provider: 'kraken', symbol: 'BTC/USD', timeframe: '1h' };
    const bars = barsAt(hourly(Date.UTC(2022, 0, 1), 3000));
    const first = await startEmbeddedDynamo(dir);
    await (await freshStoreNamed(first, 'persist')).putBars(series, bars);
    await first.close();
    const second = await startEmbeddedDynamo(dir);
    try {
      const again = await (await freshStoreNamed(second, 'persist')).getRange(series, 0, Number.MAX_SAFE_INTEGER);
      expect(Array.from(again.close)).toEqual(Array.from(bars.close));
    } finally {
      await second.close();
    }
  });
});

async function freshStoreNamed(server: EmbeddedDynamo, tableName: string) {
  const { ensureTable, createDynamoCandleStore } = await import('@stratex/aws');
  const { parseTimeframe } = await import('@stratex/market-data');
  await ensureTable(server.client, tableName);
  return createDynamoCandleStore({ client: server.client, tableName, timeframeMs: parseTimeframe });
}
