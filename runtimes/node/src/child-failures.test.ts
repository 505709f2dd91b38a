/**
 * What happens when the child process itself misbehaves (crashes, runs out of memory, hangs, talks
 * nonsense): the job fails with a contract code, the host carries on, and the next child is fresh.
 * The children here are small fakes that speak the frame protocol and then misbehave on cue.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StratexError } from '@stratex/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from './index.js';
import { fakeChildDir as dir, writeFakeChild } from './test-support/fake-child.js';
import { jsJob } from './test-support/jobs.js';

const here = dirname(fileURLToPath(import.meta.url));
const runtimes: NodeRuntime[] = [];

afterAll(() => Promise.all(runtimes.map((runtime) => runtime.close())));

/** A runtime whose child is a fake (test-support/fake-child.ts), as a plain process (one fake writes a file). */
function fakeChild(name: string, onJob: string, onReady = ''): NodeRuntime {
  const runtime = createNodeRuntime({ childEntry: writeFakeChild(name, onJob, onReady), isolation: 'process' });
  runtimes.push(runtime);
  return runtime;
}

async function failure(runtime: NodeRuntime, timeoutMs = 1000): Promise<StratexError> {
  const error = await runtime
    .run(jsJob('export function strategy() { return {}; }', { limits: { timeoutMs, memoryMb: 64 } }))
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  expect(error).toBeInstanceOf(StratexError);
  return error as StratexError;
}

describe('a misbehaving child process', () => {
  it('that crashes fails the job with STRATEGY_ERROR, and the next job gets a new child', async () => {
    const runtime = fakeChild('crash', 'process.kill(process.pid, "SIGSEGV");');
    const first = await failure(runtime);
    expect(first.code).toBe('STRATEGY_ERROR');
    expect(first.message).toBe('The process running the strategy stopped unexpectedly');
    expect(first.details).toEqual({ signal: 'SIGSEGV' });
    expect((await failure(runtime)).code).toBe('STRATEGY_ERROR');
  });

  it('that dies out of memory fails the job with MEMORY_LIMIT', async () => {
    const runtime = fakeChild(
      'oom',
      "process.stderr.write('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n'); process.exit(134);",
    );
    expect((await failure(runtime)).code).toBe('MEMORY_LIMIT');
  });

  it('that never answers is killed by the watchdog: TIMEOUT', async () => {
    const runtime = fakeChild('hang', 'setInterval(() => {}, 1000);');
    const started = performance.now();
    expect((await failure(runtime, 200)).code).toBe('TIMEOUT');
    // The watchdog fires 2 s after the limit; the rest is slack for a loaded machine.
    expect(performance.now() - started).toBeLessThan(200 + 2000 + 3000);
  });

  it('that is killed keeps the host process alive until its job has failed (nothing else keeps it)', async () => {
    const child = writeFakeChild('hang-alone', 'setInterval(() => {}, 1000);');
    const driver = join(dir, 'driver.mjs');
    const { build } = await import('esbuild');
    await build({
      stdin: {
        contents: `import { ChildHandle } from ${JSON.stringify(join(here, 'child-handle.ts'))};
const init = Promise.resolve({ type: 'init', prelude: '', memoryMb: 64, maxOutputBytes: 1024 });
const child = new ChildHandle({ nodePath: process.execPath, entry: ${JSON.stringify(child)}, init, maxOutputBytes: 1024 });
await child.ready;
const job = { type: 'job', id: 1, code: '', filename: 'strategy.js', params: {}, timeoutMs: 50, memoryMb: 64, bars: 0 };
const outcome = await child.run(job, []);
console.log(outcome.kind === 'failure' ? outcome.message.error.code : outcome.kind);`,
        resolveDir: here,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: driver,
      logLevel: 'silent',
    });
    const run = spawnSync(process.execPath, [driver], { encoding: 'utf8', timeout: 20_000 });
    expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({ status: 0, stdout: 'TIMEOUT' });
  });

  it('that answers nonsense is killed and the job fails without INTERNAL', async () => {
    const runtime = fakeChild('nonsense', 'socket.write(Buffer.from([255, 255, 255, 255, 1, 2, 3]));');
    expect((await failure(runtime)).code).toBe('STRATEGY_ERROR');
  });

  it('that forges a result of the wrong shape gets STRATEGY_ERROR, not a crash of the host', async () => {
    const runtime = fakeChild(
      'forged',
      "send({ type: 'result', id: job.id, style: 'vectorized', params: { o: {} }, output: { t: 'Float64Array', p: 7 }, logs: '' });",
    );
    expect((await failure(runtime)).code).toBe('STRATEGY_ERROR');
  });

  it('that reports a failure with a code outside the contract gets STRATEGY_ERROR', async () => {
    const runtime = fakeChild(
      'bad-code',
      "send({ type: 'failure', id: job.id, error: { code: 'PWNED', message: 'x' }, logs: '' });",
    );
    expect((await failure(runtime)).code).toBe('STRATEGY_ERROR');
  });

  it('that dies while idle is replaced before the next job', async () => {
    const marker = join(dir, 'died-once');
    const runtime = fakeChild(
      'dies-idle',
      "send({ type: 'result', id: job.id, style: 'vectorized', params: { o: {} }, output: { o: { fine: true } }, logs: '' });",
      `const fs = await import('node:fs');
      if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); setTimeout(() => process.exit(1), 20); }`,
    );
    await runtime.ready();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const run = await runtime.run(jsJob('export function strategy() { return {}; }'));
    expect(run.output).toEqual({ fine: true });
  });

  it('runs with an empty environment', async () => {
    const runtime = fakeChild(
      'env',
      "send({ type: 'result', id: job.id, style: 'vectorized', params: { o: {} }, output: { o: { env: { a: Object.keys(process.env) } } }, logs: '' });",
    );
    process.env.STRATEX_TEST_SECRET = 'do-not-leak';
    try {
      const run = await runtime.run(jsJob('export function strategy() { return {}; }'));
      expect(run.output.env).toEqual([]);
    } finally {
      delete process.env.STRATEX_TEST_SECRET;
    }
  });
});
