/**
 * Where tests find ../shared/data (real candles and golden vectors). In a user's clone it may be
 * absent: such tests are skipped with a visible message. Under CI=true its absence is a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const sharedDataDir = process.env.STRATEX_SHARED_DATA ?? resolve(repoRoot, '..', 'shared', 'data');

export const hasSharedData = existsSync(join(sharedDataDir, 'MANIFEST.md'));

export function sharedPath(...parts: string[]): string {
  return join(sharedDataDir, ...parts);
}

export function readSharedJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(sharedPath(...parts), 'utf8')) as T;
}

/** Candles of one of the CSV files in ../shared/data, parsed into float64 columns. */
export interface SharedCandles {
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

export function readSharedCsv(name: string): SharedCandles {
  const lines = readFileSync(sharedPath(name), 'utf8').trim().split('\n').slice(1);
  const cols = Array.from({ length: 6 }, () => new Float64Array(lines.length));
  lines.forEach((line, i) => {
    const cells = line.split(',');
    for (let c = 0; c < 6; c++) cols[c][i] = Number(cells[c]);
  });
  const [time, open, high, low, close, volume] = cols;
  return { time, open, high, low, close, volume };
}

/** `describe` that runs only where ../shared/data exists; skips visibly, and fails under CI. */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    throw new Error(`../shared/data is required under CI=true (looked in ${sharedDataDir})`);
  }
  console.warn(`[skip] ${name}: ../shared/data not found (set STRATEX_SHARED_DATA to run it)`);
  describe.skip(name, body);
}
