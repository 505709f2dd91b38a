import { expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { failure, pythonJob, runtime } from './test-support/runtime.js';

describeWithPython('print capture', ['numpy'], () => {
  it('returns what the strategy printed apart from the result', async () => {
    const code = 'print("loading")\ndef strategy(data, params):\n    print("bars:", len(data))\n    return {}\n';
    const run = await runtime().run(pythonJob(code));
    expect(run.logs).toBe('loading\nbars: 50\n');
    expect(run.output).toEqual({});
  });

  it('keeps the first 64 KB, then a truncation marker, and is not an error', async () => {
    const code = 'def strategy(data, params):\n    for i in range(20000):\n        print("é" * 10)\n    return {}\n';
    const run = await runtime().run(pythonJob(code));
    expect(run.logs.endsWith('…[truncated]')).toBe(true);
    const kept = run.logs.slice(0, -'…[truncated]'.length);
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.byteLength(kept)).toBeGreaterThan(64 * 1024 - 4);
    expect(kept.replaceAll('\n', '')).toMatch(/^é+$/);
  });

  it('come with the error when the strategy fails', async () => {
    const error = await failure(pythonJob('def strategy(data, params):\n    print("before")\n    return 1 / 0\n'));
    expect(error.details?.logs).toBe('before\n');
  });
});
