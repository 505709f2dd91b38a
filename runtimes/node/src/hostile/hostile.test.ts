/**
 * The hostile-JS set: every file here attacks the runtime in one way and says on its first line what
 * must come of it (`// expect: TIMEOUT`, `// expect: MEMORY_LIMIT or TIMEOUT` when either limit may come first, or
 * `// expect: ok` for a clean run that leaks nothing).
 * Each case must end within its limits with that code (never INTERNAL), without host paths in the
 * error, and the runtime must stay healthy: a normal job right after it still succeeds, quickly.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StratexError } from '@stratex/core';
import * as kernels from '@stratex/indicators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../index.js';
import { readCaseFiles } from '../test-support/case-files.js';
import { jsJob, syntheticData } from '../test-support/jobs.js';

const here = dirname(fileURLToPath(import.meta.url));
const cases = readCaseFiles(here);

const LIMITS = { timeoutMs: 1500, memoryMb: 64 };
/** The child's own deadline answers first; the host's watchdog adds 2 s in the worst case. */
const WORST_CASE_MS = LIMITS.timeoutMs + 2500;
const HOST_PATHS = /\/(work|home|tmp|usr|root|Users)\/|node_modules|file:\/\/|child\/main/;

const NORMAL = `export function strategy(data) {
  const fast = indicators.sma(data.close, 5);
  const slow = indicators.sma(data.close, 20);
  return { entries: indicators.crossAbove(fast, slow), exits: indicators.crossBelow(fast, slow) };
}`;

let runtime: NodeRuntime;

beforeAll(async () => {
  runtime = createNodeRuntime({ warmMemoryMb: LIMITS.memoryMb, maxOutputBytes: 8 * 2 ** 20 });
  await runtime.ready();
}, 60_000);

afterAll(() => runtime.close());

async function outcomeOf(code: string) {
  const started = performance.now();
  const settled = await runtime.run(jsJob(code, { limits: LIMITS })).then(
    (run) => ({ run, error: undefined }),
    (error: unknown) => ({ run: undefined, error }),
  );
  return { ...settled, elapsed: performance.now() - started };
}

describe('hostile strategies', () => {
  it('cover the attacks the issue lists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$file → $expected', async ({ code, expected, codes }) => {
    const { run, error, elapsed } = await outcomeOf(code);
    expect(elapsed).toBeLessThan(WORST_CASE_MS);
    if (expected === 'ok') {
      expect(error).toBeUndefined();
      expect(run?.output.leaked ?? []).toEqual([]);
      expect(({} as Record<string, unknown>).entries).toBeUndefined();
      expect(run?.logs.length ?? 0).toBeLessThanOrEqual(64 * 1024 + 20);
    } else {
      expect(error).toBeInstanceOf(StratexError);
      const body = (error as StratexError).toBody();
      expect(codes).toContain(body.error.code);
      expect(JSON.stringify(body)).not.toMatch(HOST_PATHS);
    }

    const normalStarted = performance.now();
    const normal = await runtime.run(jsJob(NORMAL, { limits: LIMITS }));
    const close = syntheticData(500).close;
    expect(normal.output.entries).toEqual(kernels.crossAbove(kernels.sma(close, 5), kernels.sma(close, 20)));
    expect(performance.now() - normalStarted).toBeLessThan(3000);
  });
});
