/**
 * Test support (not built): TA-Lib golden vectors and the candles they were computed on, and a
 * comparison that reports where and by how much an indicator differs from TA-Lib.
 * See ../shared/data/golden/README.md for keys, conventions and the tolerance.
 */
import { expect } from 'vitest';
import { readSharedCsv, readSharedJson, type SharedCandles } from '../../../../testing/shared-data.js';

interface GoldenFile {
  length: number;
  indicators: Record<string, { outputs: Record<string, (number | null)[]> }>;
}

let goldenFile: GoldenFile | undefined;
let candles: SharedCandles | undefined;

/** The candles of kraken_BTCUSD_1h_2022.csv (read once; call inside a test, not at collection). */
export function goldenCandles(): SharedCandles {
  candles ??= readSharedCsv('kraken_BTCUSD_1h_2022.csv');
  return candles;
}

/** One output of one golden indicator, e.g. golden('macd_12_26_9', 'signal'); null marks warm-up. */
export function golden(key: string, output = 'real'): (number | null)[] {
  goldenFile ??= readSharedJson<GoldenFile>('golden', 'talib_kraken_BTCUSD_1h_2022.json');
  const entry = goldenFile.indicators[key];
  if (!entry) throw new Error(`golden key ${key} not found`);
  const values = entry.outputs[output];
  if (!values) throw new Error(`golden ${key} has no output ${output} (has ${Object.keys(entry.outputs).join(', ')})`);
  return values;
}

/**
 * Expects `actual` to be NaN exactly where `expected` is null and within
 * |a - b| <= tolerance * max(1, |b|) elsewhere; failures name the first offending indices.
 */
export function expectMatchesGolden(actual: ArrayLike<number>, expected: (number | null)[], tolerance = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  const problems: string[] = [];
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const b = expected[i];
    if (b === null) {
      if (!Number.isNaN(a)) problems.push(`[${i}] expected NaN (warm-up), got ${a}`);
      continue;
    }
    const error = Math.abs(a - b) / Math.max(1, Math.abs(b));
    if (!(error <= tolerance)) problems.push(`[${i}] expected ${b}, got ${a} (relative error ${error})`);
    else worst = Math.max(worst, error);
  }
  expect(problems.slice(0, 5), `${problems.length} mismatches; worst matching error ${worst}`).toEqual([]);
}
