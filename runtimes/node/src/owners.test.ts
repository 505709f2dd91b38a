/**
 * Jobs of different owners (users) never run in the same child process, i.e. the same sandbox
 * instance: a child serves one owner for its whole life, and a job of another owner gets a fresh one.
 */
import { readFileSync } from 'node:fs';
import { StratexError } from '@stratex/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRuntime } from './index.js';
import { isRunning, procAvailable, treeOf } from './process-tree.js';
import { jsJob } from './test-support/jobs.js';

const runtime = createNodeRuntime({ poolSize: 1, warmMemoryMb: 64 });
afterAll(() => runtime.close());

/** Pids of the runtime's node children running now (not their sandbox wrappers). */
function nodeChildren(): number[] {
  return treeOf(process.pid).filter((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      return pid !== process.pid && isRunning(pid) && argv.startsWith(`${process.execPath}\0--no-node-snapshot\0`);
    } catch {
      return false;
    }
  });
}

const trivial = 'export function strategy() { return { entries: [true] }; }';

/** Runs a job for `owner` (named by the job itself, or by the run's context) and returns the pid of the child that ran it. */
async function childRunning(owner: string, via: 'job' | 'context' = 'context'): Promise<number> {
  if (via === 'job') await runtime.run(jsJob(trivial, { owner }));
  else await runtime.run(jsJob(trivial), { owner });
  const now = nodeChildren();
  expect(now).toHaveLength(1);
  return now[0] as number;
}

describe.skipIf(!procAvailable)('children and owners', () => {
  it('runs one owner’s jobs in the same child, and another owner’s in a fresh one', async () => {
    const alice = await childRunning('alice');
    expect(await childRunning('alice')).toBe(alice);
    const bob = await childRunning('bob');
    expect(bob).not.toBe(alice);
    expect(isRunning(alice)).toBe(false);
    const aliceAgain = await childRunning('alice');
    expect([alice, bob]).not.toContain(aliceAgain);
  });

  it('reads the owner from the job (StrategyJob.owner) as the execution service sets it', async () => {
    const carol = await childRunning('carol', 'job');
    expect(await childRunning('carol', 'job')).toBe(carol);
    expect(await childRunning('carol')).toBe(carol);
    const dave = await childRunning('dave', 'job');
    expect(dave).not.toBe(carol);
    expect(isRunning(carol)).toBe(false);
  });

  it('treats jobs that name no owner as the local user’s', async () => {
    const local = await childRunning('local');
    expect(await childRunning('local', 'job')).toBe(local);
    await runtime.run(jsJob(trivial));
    expect(nodeChildren()).toEqual([local]);
  });

  it('keeps running an owner’s jobs in the same child when another owner’s child dies mid-job', async () => {
    const pair = createNodeRuntime({ poolSize: 2, warmMemoryMb: 64 });
    try {
      const others = new Set(nodeChildren());
      await pair.run(jsJob(trivial, { owner: 'bob' }));
      const [bob] = nodeChildren().filter((pid) => !others.has(pid));
      const busy = (ms: number) =>
        `export function strategy() { const end = Date.now() + ${ms}; while (Date.now() < end) {} return {}; }`;
      const long = { timeoutMs: 30_000, memoryMb: 128 };
      const mallory = pair.run(jsJob(busy(20_000), { owner: 'mallory', limits: long }));
      let victim: number | undefined;
      while (victim === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        victim = nodeChildren().find((pid) => !others.has(pid) && pid !== bob);
      }
      const bobMeanwhile = pair.run(jsJob(busy(300), { owner: 'bob', limits: long }));
      process.kill(victim, 'SIGKILL');
      await expect(mallory).rejects.toBeInstanceOf(StratexError);
      await expect(bobMeanwhile).resolves.toMatchObject({ style: 'vectorized' });
      await pair.run(jsJob(trivial, { owner: 'bob' }));
      expect(isRunning(bob as number)).toBe(true);
      expect(nodeChildren().filter((pid) => !others.has(pid))).toContain(bob);
    } finally {
      await pair.close();
    }
  });
});
