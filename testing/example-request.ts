/** The request body that backtests one of examples/ over the 2022 hourly CSV (the shared Kraken BTC/USD year). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './shared-data.js';

/** POST /v1/executions body for examples/<file> on `--data` = kraken_BTCUSD_1h_2022.csv, as the CLI's example runs it. */
export function exampleBacktestRequest(file: string) {
  return {
    mode: 'BACKTEST' as const,
    code: readFileSync(join(repoRoot, 'examples', file), 'utf8'),
    language: file.endsWith('.py') ? ('python' as const) : ('javascript' as const),
    providerId: 'csv',
    symbol: 'BTC/USD',
    timeframe: '1h',
    startDate: '2022-01-01',
    endDate: '2023-01-01',
    parameters: { fast: 10, slow: 30 },
    fee: 0.001,
  };
}
