/**
 * Fill cases: every case of ../shared/data/golden/engine_cases.json (the contract's pinned rules) and
 * of fill-cases.json beside this file (rules the shared file does not pin), run through the engine.
 * Numbers match to 1e-9 relative; times, bars, counts, sides, types and reasons exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, readSharedJson } from '../../../../testing/shared-data.js';
import type { SimulationOptions, StrategyOutput } from '../types.js';
import { runEngine } from './run.js';

interface FillCase {
  name: string;
  why: string;
  bars: [number, number, number, number, number][];
  options: SimulationOptions;
  strategy: StrategyOutput;
  expected: { trades: object[]; signals: object[]; equityFinal: number; equity: number[] };
}

interface CaseFile {
  count: number;
  cases: FillCase[];
}

/** Replaces each actual number within tolerance of the expected one by the expected one, so toEqual shows only real differences. */
function withinTolerance(actual: unknown, expected: unknown): unknown {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? expected : actual;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) return actual.map((a, i) => withinTolerance(a, expected[i]));
  if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) {
    const exp = expected as Record<string, unknown>;
    return Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, withinTolerance(v, exp[k])]));
  }
  return actual;
}

function runCase(c: FillCase) {
  const column = (i: number) => c.bars.map((row) => row[i]);
  const bars = { time: column(0), open: column(1), high: column(2), low: column(3), close: column(4) };
  const run = runEngine(bars, c.strategy, c.options);
  return { trades: run.trades, signals: run.signals, equity: Array.from(run.equity) };
}

function checkCases(cases: FillCase[]) {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const actual = runCase(c);
    // Time values are exact by construction (copied from the bars), bar indices and counts too: only floats get the tolerance.
    expect(withinTolerance(actual.trades, c.expected.trades)).toEqual(c.expected.trades);
    expect(withinTolerance(actual.signals, c.expected.signals)).toEqual(c.expected.signals);
    expect(withinTolerance(actual.equity, c.expected.equity)).toEqual(c.expected.equity);
    expect(withinTolerance(actual.equity.at(-1), c.expected.equityFinal)).toBe(c.expected.equityFinal);
    const pnl = actual.trades.reduce((sum, t) => sum + t.pnl, 0);
    expect(withinTolerance(c.options.cash + pnl, c.expected.equityFinal)).toBe(c.expected.equityFinal);
  });
}

describeWithSharedData('engine: golden fill cases of the contract', () => {
  const file = readSharedJson<CaseFile>('golden', 'engine_cases.json');
  it('holds the number of cases it announces', () => expect(file.cases).toHaveLength(file.count));
  checkCases(file.cases);
});

describe('engine: fill cases of rules the shared file does not pin', () => {
  const file = JSON.parse(readFileSync(new URL('./fill-cases.json', import.meta.url), 'utf8')) as CaseFile;
  it('holds the number of cases it announces', () => expect(file.cases).toHaveLength(file.count));
  checkCases(file.cases);
});
