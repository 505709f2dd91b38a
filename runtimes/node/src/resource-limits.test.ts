/**
 * The host's limits on a child's whole process tree: resident memory past the baseline, CPU time
 * (several threads burn it faster than the wall clock), and that nothing the child started survives
 * a kill. The children are fakes that misbehave where the isolate would never let a strategy, so these
 * tests reach the backstops themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StratexError } from '@stratex/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from './index.js';
import { isRunning, procAvailable } from './process-tree.js';
import { fakeChildDir, writeFakeChild } from './test-support/fake-child.js';
import { jsJob } from './test-support/jobs.js';

const runtimes: NodeRuntime[] = [];
afterAll(() => Promise.all(runtimes.map((runtime) => runtime.close())));

function fakeRuntime(name: string, onJob: string): NodeRuntime {
  const runtime = createNodeRuntime({ childEntry: writeFakeChild(name, onJob), maxOutputBytes: 2 ** 20 });
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

/** Spawns `sleep`, in a session of its own when `detached` (out of the child's group), and records its pid. */
function spawnEscapee(file: string, detached: boolean): string {
  return `const { spawn } = await import('node:child_process');
  const escapee = spawn('/bin/sleep', ['300'], { detached: ${detached}, stdio: 'ignore' });
  (await import('node:fs')).writeFileSync(${JSON.stringify(file)}, String(escapee.pid));`;
}

async function eventually(check: () => boolean, ms = 2000): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe.skipIf(!procAvailable)('limits on the child process tree', () => {
  it('a child whose resident memory grows past the budget is killed: MEMORY_LIMIT, long before the time limit', async () => {
    const runtime = fakeRuntime(
      'rss-grows',
      'const keep = []; setInterval(() => keep.push(Buffer.alloc(16 * 2 ** 20, 1)), 10);',
    );
    const { error, ms } = await failureOf(runtime, 20_000);
    expect(error.code).toBe('MEMORY_LIMIT');
    expect(ms).toBeLessThan(10_000);
  });

  it('a child burning CPU in several threads is stopped by the CPU limit before the wall-clock watchdog', async () => {
    const runtime = fakeRuntime(
      'cpu-threads',
      `const { Worker } = await import('node:worker_threads');
      for (let i = 0; i < 3; i++) new Worker('for (;;) {}', { eval: true });`,
    );
    const { error } = await failureOf(runtime, 1500);
    expect(error.code).toBe('TIMEOUT');
    expect(error.details).toEqual({ cpuMs: 1500 });
  });

  it('a hanging child is killed with every process it started, even one that left its process group', async () => {
    const pidFile = join(fakeChildDir, 'escapee-hang.pid');
    const runtime = fakeRuntime('spawns-and-hangs', `${spawnEscapee(pidFile, true)} setInterval(() => {}, 1000);`);
    const { error } = await failureOf(runtime, 200);
    expect(error.code).toBe('TIMEOUT');
    const escapee = Number(readFileSync(pidFile, 'utf8'));
    expect(await eventually(() => !isRunning(escapee))).toBe(true);
  });

  it('a child that exits leaves nothing of its process group behind', async () => {
    const pidFile = join(fakeChildDir, 'escapee-exit.pid');
    const runtime = fakeRuntime('spawns-and-exits', `${spawnEscapee(pidFile, false)} process.exit(3);`);
    const { error } = await failureOf(runtime, 5000);
    expect(error.code).toBe('STRATEGY_ERROR');
    const escapee = Number(readFileSync(pidFile, 'utf8'));
    expect(await eventually(() => !isRunning(escapee))).toBe(true);
  });
});
