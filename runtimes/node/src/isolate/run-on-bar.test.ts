import * as kernels from '@stratex/indicators';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../../testing/shared-data.js';
import { krakenData, syntheticData } from '../test-support/jobs.js';
import type { InjectedData } from './bar-context.js';
import { runOnBar } from './run-on-bar.js';

const library = kernels as unknown as Record<string, unknown>;

/** The parts of ctx these tests use (the full shape is in sdk/stratex.d.ts). */
interface TestContext {
  bar: number;
  close: Float64Array;
  high: Float64Array;
  timestamp: Float64Array;
  position: number;
  params: Record<string, number>;
  indicator(name: string, ...args: number[]): Float64Array & { signal: Float64Array };
  buy(options?: object | number): void;
  sell(options?: object | number): void;
  closePosition(): void;
}

/** runOnBar with a typed ctx for the test bodies. */
function runWith(
  fn: (ctx: TestContext) => unknown,
  data: InjectedData,
  params: unknown,
  kernels: Record<string, unknown>,
) {
  return runOnBar(fn as (ctx: object) => unknown, data, params, kernels);
}

function injected(n: number): InjectedData {
  return { ...syntheticData(n), length: n } as InjectedData;
}

describe('runOnBar', () => {
  it('turns buy / sell / closePosition into the target series and the stop arrays of the levels used', async () => {
    const actions: Record<number, (ctx: TestContext) => void> = {
      2: (ctx) => ctx.buy({ size: 0.5, stopLoss: 0.03 }),
      4: (ctx) => ctx.sell({ trailingStop: 0.1 }),
      6: (ctx) => ctx.closePosition(),
      7: (ctx) => ctx.buy(0.25),
    };
    const out = await runWith((ctx) => actions[ctx.bar]?.(ctx), injected(9), {}, library);
    expect(Array.from(out.position)).toEqual([0, 0, 0.5, 0.5, -1, -1, 0, 0.25, 0.25]);
    expect(Array.from(out.stop_loss)).toEqual([NaN, NaN, 0.03, 0.03, NaN, NaN, NaN, NaN, NaN]);
    expect(Array.from(out.trailing_stop)).toEqual([NaN, NaN, NaN, NaN, 0.1, 0.1, NaN, NaN, NaN]);
    expect(out.take_profit).toBeUndefined();
  });

  it('shows bars 0..t, the params and the current target', async () => {
    const data = injected(5);
    const seen: unknown[] = [];
    await runWith(
      (ctx: TestContext) => {
        seen.push([ctx.close.length, ctx.close.at(-1), ctx.timestamp.at(-1), ctx.position, ctx.params.k]);
        if (ctx.bar === 1) ctx.buy();
      },
      data,
      { k: 3 },
      library,
    );
    expect(seen).toEqual(
      Array.from({ length: 5 }, (_, t) => [t + 1, data.close[t], data.timestamp[t], t >= 2 ? 1 : 0, 3]),
    );
  });

  it('awaits an async onBar bar by bar', async () => {
    const out = await runWith(
      async (ctx: TestContext) => {
        await Promise.resolve();
        if (ctx.bar === 1) ctx.buy();
      },
      injected(3),
      {},
      library,
    );
    expect(Array.from(out.position)).toEqual([0, 1, 1]);
  });

  it('rejects sizes and levels outside the contract ranges at the call', async () => {
    const run = (call: (ctx: TestContext) => void) => runWith(call, injected(2), {}, library);
    await expect(run((ctx) => ctx.buy({ size: 2 }))).rejects.toThrow('size must be a number in [0, 1]');
    await expect(run((ctx) => ctx.buy({ size: Number.NaN }))).rejects.toThrow('size');
    await expect(run((ctx) => ctx.sell({ stopLoss: 1.5 }))).rejects.toThrow('stopLoss');
    await expect(run((ctx) => ctx.buy({ takeProfit: -1 }))).rejects.toThrow('takeProfit');
    await expect(run((ctx) => ctx.buy({ trailing_stop: 0 }))).rejects.toThrow('trailingStop');
    await expect(run((ctx) => ctx.indicator('nope', 3))).rejects.toThrow(/unknown indicator 'nope'.*sma/);
  });
});

describeWithSharedData('ctx.indicator on real candles', () => {
  it('equals the indicator computed on bars 0..t alone (the kernels are causal)', async () => {
    const full = krakenData();
    const n = 300;
    const data = Object.fromEntries(
      Object.entries(full).map(([k, v]) => [k, (v as Float64Array).slice(0, n)]),
    ) as unknown as InjectedData;
    data.length = n;
    const mismatches: string[] = [];
    const check = (name: string, got: Float64Array, want: Float64Array, t: number) => {
      if (got.length !== t + 1 || !got.every((x, i) => Object.is(x, want[i]))) mismatches.push(`${name}@${t}`);
    };
    await runWith(
      (ctx: TestContext) => {
        const t = ctx.bar;
        const prefix = (column: Float64Array) => column.subarray(0, t + 1);
        check('sma', ctx.indicator('sma', 20), kernels.sma(prefix(data.close), 20), t);
        check('rsi', ctx.indicator('RSI', 14), kernels.rsi(prefix(data.close), 14), t);
        check(
          'atr',
          ctx.indicator('atr', 14),
          kernels.atr(prefix(data.high), prefix(data.low), prefix(data.close), 14),
          t,
        );
        check('macd', ctx.indicator('macd', 12, 26, 9).signal, kernels.macd(prefix(data.close), 12, 26, 9).signal, t);
        check(
          'plus_di',
          ctx.indicator('plus_di', 14),
          kernels.plusDi(prefix(data.high), prefix(data.low), prefix(data.close), 14),
          t,
        );
      },
      data,
      {},
      library,
    );
    expect(mismatches).toEqual([]);
  });
});
