/**
 * The host's limits on a child's whole process tree: resident memory past the baseline, CPU time
 * (several threads burn it faster than the wall clock), and that nothing the child started survives
 * a kill. The children are fakes that misbehave where the isolate would never let a strategy, so these
 * tests reach the backstops themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { StratexError } from '@stratex/core';
import { bwrapUsable, type IsolationProfile } from '@stratex/sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from './index.js';
import { isRunning, procAvailable } from './process-tree.js';
import { writeFakeChild } from './test-support/fake-child.js';
import { jsJob } from './test-support/jobs.js';

const runtimes: NodeRuntime[] = [];
afterAll(() => Promise.all(runtimes.map((runtime) => runtime.close())));

function fakeRuntime(profile: IsolationProfile, name: string, onJob: string): NodeRuntime {
  const childEntry = writeFakeChild(`${name}-${profile}`, onJob);
  const runtime = createNodeRuntime({ childEntry, maxOutputBytes: 2 ** 20, isolation: profile });
  runtimes.push(runtime);
  return runtime;
}

async function failureOf(runtime: NodeRuntime, timeoutMs: number): Promise<{ error: StratexError; ms: number }> {
  const started = performance.now();
  const error = await runtime
    .run(jsJob('export function strategy() { return {}; }', { limits: { timeoutMs, memoryMb: 16 } }))
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  expect(error).toBeInstanceOf(StratexError);
  return { error: error as StratexError, ms: performance.now() - started };
}

/**
 * Spawns `sleep <seconds>`, in a session of its own when `detached` (out of the child's process group);
 * the odd duration names it among the machine's processes.
 */
function spawnEscapee(seconds: number, detached: boolean): string {
  return `(await import('node:child_process')).spawn('/bin/sleep', ['${seconds}'], { detached: ${detached}, stdio: 'ignore' });`;
}

/** Running `sleep <seconds>` processes. */
function sleepers(seconds: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1') === `/bin/sleep\0${seconds}\0` && isRunning(pid);
      } catch {
        return false;
      }
    });
}

async function eventually(check: () => boolean, ms = 2000): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

const profiles = bwrapUsable() || process.env.CI === 'true' ? (['process', 'bwrap'] as const) : (['process'] as const);

describe.skipIf(!procAvailable).each(profiles)('limits on the child process tree (%s profile)', (profile) => {
  it('a child whose resident memory grows past the budget is killed: MEMORY_LIMIT, long before the time limit', async () => {
    const runtime = fakeRuntime(
      profile,
      'rss-grows',
      'const keep = []; setInterval(() => keep.push(Buffer.alloc(16 * 2 ** 20, 1)), 10);',
    );
    const { error, ms } = await failureOf(runtime, 20_000);
    expect(error.code).toBe('MEMORY_LIMIT');
    expect(ms).toBeLessThan(10_000);
  });

  it('a child burning CPU in several threads is stopped by the CPU limit before the wall-clock watchdog', async () => {
    const runtime = fakeRuntime(
      profile,
      'cpu-threads',
      `const { Worker } = await import('node:worker_threads');
      for (let i = 0; i < 8; i++) new Worker('for (;;) {}', { eval: true });`,
    );
    const { error } = await failureOf(runtime, 600);
    expect(error.code).toBe('TIMEOUT');
    expect(error.details).toEqual({ cpuMs: 600 });
  });

  it('a hanging child is killed with every process it started, even one that left its process group', async () => {
    const runtime = fakeRuntime(profile, 'spawns-and-hangs', `${spawnEscapee(301, true)} setInterval(() => {}, 1000);`);
    const failing = failureOf(runtime, 1000);
    expect(await eventually(() => sleepers(301).length === 1, 5000)).toBe(true);
    expect((await failing).error.code).toBe('TIMEOUT');
    expect(await eventually(() => sleepers(301).length === 0)).toBe(true);
  });

  it('a child that exits leaves nothing of its process group behind', async () => {
    const runtime = fakeRuntime(
      profile,
      'spawns-and-exits',
      `${spawnEscapee(302, false)} setTimeout(() => process.exit(3), 300);`,
    );
    const failing = failureOf(runtime, 5000);
    expect(await eventually(() => sleepers(302).length === 1, 5000)).toBe(true);
    expect((await failing).error.code).toBe('STRATEGY_ERROR');
    expect(await eventually(() => sleepers(302).length === 0)).toBe(true);
  });
});
