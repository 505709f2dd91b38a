/**
 * Jobs of different owners (users) never run in the same sandbox instance: each owner's jobs are forked
 * from a zygote of its own. Proved from inside, by strategies that report what identifies their sandbox
 * (validation skipped so they may look): the pid namespace and the zygote's pid as the job sees them. An owner whose zygote is killed by a job loses only its
 * own job; other owners' jobs run on, in the same zygote.
 */
import { StratexError } from '@stratex/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createPythonRuntime } from './python-runtime.js';
import { pythonJob } from './test-support/runtime.js';

const runtime = createPythonRuntime({ bypassValidation: true, concurrency: 2, maxZygotes: 2 });
afterAll(() => runtime.close());

/**
 * Prints the sandbox's identity as the job sees it: its pid namespace (one per bwrap sandbox) and the
 * pid of the zygote it was forked from (one per zygote, in either profile).
 */
const IDENTIFY = `
import os

def strategy(data, params):
    print(os.readlink("/proc/self/ns/pid"), os.getppid())
    return {}
`;

async function sandboxOf(owner: string | undefined): Promise<string> {
  const run = await runtime.run(pythonJob(IDENTIFY, owner === undefined ? {} : { owner }));
  return run.logs.trim();
}

describe('Python jobs of different owners', () => {
  it('run in one sandbox per owner, the same for all of an owner’s jobs', async () => {
    const alice = await sandboxOf('alice');
    const bob = await sandboxOf('bob');
    expect(alice).toMatch(/^pid:\[\d+\] \d+$/);
    expect(bob).not.toBe(alice);
    expect(await sandboxOf('alice')).toBe(alice);
    expect(await sandboxOf('bob')).toBe(bob);
    // bwrap: a pid namespace per sandbox (the zygote is pid 2 in each); process: the host's, so the zygote's pid differs.
    const differs = runtime.status().isolation === 'bwrap' ? 0 : 1;
    expect(bob.split(' ')[differs]).not.toBe(alice.split(' ')[differs]);
    expect(runtime.status('bob').pid).not.toBe(runtime.status('alice').pid);
  });

  it('go to the local user’s sandbox when the job names no owner', async () => {
    expect(await sandboxOf(undefined)).toBe(await sandboxOf('local'));
  });

  it('never share a zygote even past the bound: a new owner replaces an idle one, never joins it', async () => {
    const seen = new Map<string, string>();
    for (const owner of ['u1', 'u2', 'u3', 'u1', 'u3']) {
      const sandbox = await sandboxOf(owner);
      for (const [other, theirs] of seen) if (other !== owner) expect(sandbox).not.toBe(theirs);
      seen.set(owner, sandbox);
    }
    expect(runtime.status().zygotes).toBeLessThanOrEqual(2);
  });

  it('keep running when another owner’s job kills its zygote', async () => {
    const bob = await sandboxOf('bob');
    const slowBob = runtime.run(
      pythonJob('import time\ndef strategy(data, params):\n    time.sleep(0.5)\n    return {}', { owner: 'bob' }),
    );
    const killer = pythonJob(
      'import os, signal\ndef strategy(data, params):\n    os.kill(os.getppid(), signal.SIGKILL)',
      {
        owner: 'mallory',
      },
    );
    await expect(runtime.run(killer)).rejects.toSatisfy(
      (e: unknown) => e instanceof StratexError && e.code === 'SANDBOX_VIOLATION',
    );
    await expect(slowBob).resolves.toMatchObject({ style: 'vectorized' });
    expect(await sandboxOf('bob')).toBe(bob);
    const mallory = await sandboxOf('mallory');
    expect(mallory).not.toBe(bob);
  });
});

describe('idle zygotes', () => {
  it('are stopped after zygoteIdleMs, and the owner’s next job starts a fresh one', async () => {
    const rt = createPythonRuntime({ zygoteIdleMs: 300 });
    try {
      await rt.run(pythonJob('def strategy(data, params):\n    return {}', { owner: 'erin' }));
      const pid = rt.status('erin').pid as number;
      expect(pid).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(rt.status('erin')).toMatchObject({ pid: undefined, zygotes: 0 });
      expect(() => process.kill(pid, 0)).toThrow();
      await rt.run(pythonJob('def strategy(data, params):\n    return {}', { owner: 'erin' }));
      expect(rt.status('erin')).toMatchObject({ started: 2, zygotes: 1 });
    } finally {
      await rt.close();
    }
  });
});
