import * as kernels from '@stratex/indicators';
import { detectIsolation } from '@stratex/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../../../testing/shared-data.js';
import { rejection } from '../../../testing/stratex-error.js';
import { createNodeRuntime, type NodeRuntime } from './index.js';
import { jsJob, krakenData, syntheticData } from './test-support/jobs.js';

let runtime: NodeRuntime;

beforeAll(async () => {
  runtime = createNodeRuntime({ warmMemoryMb: 128 });
  await runtime.ready();
}, 60_000);

afterAll(() => runtime.close());

const SMA_CROSS = `export const params = { fast: 10, slow: 30 };
export function strategy(data, params) {
  const fast = indicators.sma(data.close, params.fast);
  const slow = indicators.sma(data.close, params.slow);
  return { entries: indicators.crossAbove(fast, slow), exits: indicators.crossBelow(fast, slow), indicators: { fast, slow } };
}`;

describeWithSharedData('a vectorized strategy on real candles', () => {
  it('returns what the indicator kernels compute on the host, with params typed from strings', async () => {
    const data = krakenData();
    const run = await runtime.run(jsJob(SMA_CROSS, { data, params: { fast: '12' } }));
    const fast = kernels.sma(data.close, 12);
    const slow = kernels.sma(data.close, 30);
    expect(run.params).toEqual({ fast: 12, slow: 30 });
    expect(run.style).toBe('vectorized');
    expect(run.output.entries).toEqual(kernels.crossAbove(fast, slow));
    expect(run.output.exits).toEqual(kernels.crossBelow(fast, slow));
    expect(run.output.indicators).toEqual({ fast, slow });
    expect(run.isolation).toBe(detectIsolation());
    expect(run.sdkVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the node runtime', () => {
  it('accepts a plain (not exported) strategy function and params object', async () => {
    const code =
      'const params = { n: 3 };\nfunction strategy(data, p) {\n  return { position: Array(data.length).fill(p.n / 10) };\n}';
    const run = await runtime.run(jsJob(code));
    expect(run.params).toEqual({ n: 3 });
    expect(run.output.position).toEqual(Array(500).fill(0.3));
  });

  it('injects data, indicators and params as globals as well as arguments', async () => {
    const code = `export const params = { k: 2 };
export function strategy() {
  return { n: data.length, k: params.k, close: data.close.slice(0, 2), sma: typeof indicators.sma };
}`;
    const data = syntheticData(500);
    const run = await runtime.run(jsJob(code, { data }));
    expect(run.output).toEqual({ n: 500, k: 2, close: data.close.slice(0, 2), sma: 'function' });
  });

  it('awaits an async strategy', async () => {
    const code =
      'export async function strategy(data) {\n  await null;\n  return { entries: new Uint8Array(data.length) };\n}';
    const run = await runtime.run(jsJob(code));
    expect(run.output.entries).toEqual(new Uint8Array(500));
  });

  it('runs onBar through the SDK: position and stop-loss series, event style', async () => {
    const code = `export const params = { period: 20 };
export function onBar(ctx) {
  const sma = ctx.indicator('sma', ctx.params.period);
  const above = ctx.close.at(-1) > sma.at(-1);
  if (above && ctx.position <= 0) ctx.buy({ size: 0.5, stopLoss: 0.02 });
  else if (!above && ctx.position > 0) ctx.closePosition();
}`;
    const data = syntheticData(500);
    const run = await runtime.run(jsJob(code, { data }));
    const sma = kernels.sma(data.close, 20);
    let target = 0;
    const expected = Array.from(data.close, (close, t) => {
      if (close > sma[t] && target <= 0) target = 0.5;
      else if (!(close > sma[t]) && target > 0) target = 0;
      return target;
    });
    expect(run.style).toBe('event');
    expect(Array.from(run.output.position as Float64Array)).toEqual(expected);
    const stops = Array.from(run.output.stop_loss as Float64Array);
    expect(stops.every((s, t) => (expected[t] > 0 ? s === 0.02 : Number.isNaN(s)))).toBe(true);
    expect(run.output.take_profit).toBeUndefined();
  });

  it('accepts on_bar, the Python spelling', async () => {
    const code = 'export function on_bar(ctx) {\n  if (ctx.bar === 3) ctx.sell(0.5);\n}';
    const run = await runtime.run(jsJob(code));
    expect((run.output.position as Float64Array)[3]).toBe(-0.5);
  });

  it('runs TypeScript and reports errors at the line the user wrote', async () => {
    const code = [
      'interface Params { fast: number }',
      'export const params: Params = { fast: 10 };',
      'export function strategy(data: { close: Float64Array }, p: Params) {',
      '  const n: number = data.close.length;',
      "  if (n > 0) throw new Error('no ' + p.fast);",
      '  return {};',
      '}',
    ].join('\n');
    const error = await rejection(runtime.run(jsJob(code, { language: 'typescript' })));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.message).toBe('Error: no 10 (line 5)');
    expect(error.details).toMatchObject({ line: 5, traceback: expect.stringContaining('strategy.ts:5:') });
  });

  it('captures console output into logs, never into the output', async () => {
    const code =
      "export function strategy() {\n  console.log('bars', data.length, [1, 2], { a: 1 });\n  console.warn('careful');\n  return { entries: [] };\n}";
    const run = await runtime.run(jsJob(code));
    expect(run.logs).toBe('bars 500 [1, 2] { a: 1 }\ncareful\n');
    expect(Object.keys(run.output)).toEqual(['entries']);
  });

  it('reports a thrown error with the line, a traceback of user frames and the logs so far', async () => {
    const code =
      "function helper() {\n  throw new TypeError('bad input');\n}\nexport function strategy() {\n  console.log('before');\n  helper();\n}";
    const error = await rejection(runtime.run(jsJob(code)));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.message).toBe('TypeError: bad input (line 2)');
    expect(error.details?.traceback).toBe(
      'TypeError: bad input\n    at helper (strategy.js:2:9)\n    at strategy (strategy.js:6:3)',
    );
    expect(error.details?.logs).toBe('before\n');
  });

  it('reports a syntax error as STRATEGY_ERROR with its line', async () => {
    const error = await rejection(runtime.run(jsJob('export function strategy() {\n  return { entries: [ };\n}')));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.message).toMatch(/^SyntaxError: .* \(line 2\)$/);
    expect(error.details?.line).toBe(2);
  });

  it('reports errors inside the SDK at the user line that called it', async () => {
    const code = 'export function strategy() {\n  return { x: indicators.sma(data.close, 0) };\n}';
    const error = await rejection(runtime.run(jsJob(code)));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.details?.line).toBe(2);
  });

  it('rejects unknown and ill-typed params as INVALID_REQUEST naming them', async () => {
    const unknown = await rejection(runtime.run(jsJob(SMA_CROSS, { params: { fsat: '3' } })));
    expect(unknown.code).toBe('INVALID_REQUEST');
    expect(unknown.message).toContain('fast, slow');
    const illTyped = await rejection(runtime.run(jsJob(SMA_CROSS, { params: { slow: 'thirty' } })));
    expect(illTyped.code).toBe('INVALID_REQUEST');
    expect(illTyped.message).toContain('"slow"');
  });

  it('says what to define when there is no entry point or more than one', async () => {
    const none = await rejection(runtime.run(jsJob('export const x = 1;')));
    expect(none.code).toBe('STRATEGY_ERROR');
    expect(none.message).toContain('strategy(data, params)');
    const two = await rejection(runtime.run(jsJob('export function strategy() {}\nexport function onBar() {}')));
    expect(two.message).toContain('exactly one');
    const notAnObject = await rejection(runtime.run(jsJob('export function strategy() { return [1, 2]; }')));
    expect(notAnObject.message).toContain('expected an object');
  });

  it('gives every job a fresh isolate: nothing one job leaves behind is seen by the next', async () => {
    await runtime.run(
      jsJob('globalThis.leftover = 42;\nObject.prototype.polluted = 1;\nexport function strategy() { return {}; }'),
    );
    const run = await runtime.run(
      jsJob('export function strategy() { return { seen: typeof leftover, polluted: ({}).polluted ?? null }; }'),
    );
    expect(run.output).toEqual({ seen: 'undefined', polluted: null });
  });

  it('runs jobs that arrive together one after the other, each with its own result', async () => {
    const runs = await Promise.all(
      [1, 2, 3, 4].map((k) => runtime.run(jsJob(`export function strategy() { return { k: ${k} }; }`))),
    );
    expect(runs.map((run) => run.output.k)).toEqual([1, 2, 3, 4]);
  });

  it('honours a per-job memory limit other than the warm isolate’s', async () => {
    const code = 'export function strategy() { return { big: new Float64Array(10_000_000).length }; }';
    const error = await rejection(runtime.run(jsJob(code, { limits: { timeoutMs: 5000, memoryMb: 32 } })));
    expect(error.code).toBe('MEMORY_LIMIT');
    const run = await runtime.run(jsJob(code, { limits: { timeoutMs: 5000, memoryMb: 256 } }));
    expect(run.output.big).toBe(10_000_000);
  });

  it('rejects what is not a job for this runtime before starting anything', async () => {
    expect((await rejection(runtime.run(jsJob('', { language: 'python' })))).code).toBe('INVALID_REQUEST');
    const huge = `// ${'x'.repeat(1024 * 1024)}\nexport function strategy() { return {}; }`;
    expect((await rejection(runtime.run(jsJob(huge)))).code).toBe('CODE_REJECTED');
    const limits = { timeoutMs: 0, memoryMb: 128 };
    expect((await rejection(runtime.run(jsJob('', { limits })))).code).toBe('INVALID_REQUEST');
  });
});
