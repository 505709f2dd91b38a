import { describe, expect, it } from 'vitest';
import { runEngine } from '../engine/run.js';
import { StratexError } from '../errors.js';
import { normalizeOutput } from './normalize.js';
import { valueAt } from './normalized-output.js';
import { dropWarmup } from './warmup.js';

const flat = (n: number, price = 100) => ({
  time: Array.from({ length: n }, (_, i) => 1_640_995_200_000 + i * 3_600_000),
  open: Array(n).fill(price),
  high: Array(n).fill(price + 1),
  low: Array(n).fill(price - 1),
  close: Array(n).fill(price),
});

describe('dropWarmup', () => {
  it('drops every per-bar array of the warm-up bars, indicators included', () => {
    const out = normalizeOutput(
      { entries: [1, 0, 1, 0, 1], stop_loss: [0.1, 0.2, 0.3, 0.4, 0.5], indicators: { x: [1, 2, 3, 4, 5] } },
      5,
    );
    const counted = dropWarmup(out, 2);
    expect(counted.bars).toBe(3);
    expect(Array.from(counted.entries)).toEqual([1, 0, 1]);
    expect(Array.from(counted.stopLoss)).toEqual([0.3, 0.4, 0.5]);
    expect(Array.from(counted.indicators.x)).toEqual([3, 4, 5]);
  });

  it('drops the entry of the last warm-up bar: the engine never acts on it', () => {
    // 3 warm-up bars; the entry at warm-up bar 2 would fill at the first counted open if it were kept.
    const out = dropWarmup(normalizeOutput({ entries: [0, 0, 1, 0, 0, 0], exits: [0, 0, 0, 0, 0, 0] }, 6), 3);
    const run = runEngine(flat(3), out);
    expect(run.trades).toEqual([]);
    expect(run.signals).toEqual([]);
  });

  it('starts a position output from target 0: a NaN on the first counted bar holds 0, not the warm-up target', () => {
    const out = dropWarmup(normalizeOutput({ position: [1, 1, Number.NaN, Number.NaN, 0.5, 0.5] }, 6), 2);
    const run = runEngine(flat(4), out);
    // Counted targets: NaN, NaN (hold 0), 0.5, 0.5: one entry from counted bar 2, filled at open[3].
    expect(run.signals.map((s) => [s.type, s.bar])).toEqual([['entry_long', 2]]);
    expect(run.trades.map((t) => [t.entryBar, t.size])).toEqual([[3, 50]]);
  });

  it('keeps a scalar level for every counted bar', () => {
    const counted = dropWarmup(normalizeOutput({ entries: [0, 0, 0, 0], take_profit: 0.2 }, 4), 3);
    expect(valueAt(counted.takeProfit, 0)).toBe(0.2);
  });

  it('rejects a warm-up longer than the output', () => {
    const out = normalizeOutput({ entries: [0, 0] }, 2);
    expect(() => dropWarmup(out, 3)).toThrow(StratexError);
    expect(() => dropWarmup(out, 1.5)).toThrow(StratexError);
  });
});
