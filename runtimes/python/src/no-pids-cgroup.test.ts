/**
 * What holds a fork or thread bomb where no pids cgroup caps the sandbox: here the cgroup is switched off
 * (STRATEX_PIDS_CGROUP=off, this test file's own process) and, when the tests run as root, RLIMIT_NPROC
 * does not count either (the kernel exempts root, also inside bwrap's user namespace, which maps to it).
 * What remains: a job may start no process (the job seccomp filter kills it at its first fork), and
 * threads are bounded by the job's address-space limit (each reserves a stack).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StratexError } from '@stratex/core';
import { bwrapUsable, type IsolationProfile, sandboxAssets } from '@stratex/sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { createPythonRuntime, type PythonRuntime } from './python-runtime.js';
import { pythonJob } from './test-support/runtime.js';

process.env.STRATEX_PIDS_CGROUP = 'off';

const attack = (file: string) => readFileSync(join(import.meta.dirname, '..', 'attacks', file), 'utf8');
const filterBuilt = sandboxAssets().jobFilter !== undefined && sandboxAssets().launcher !== undefined;
if (!filterBuilt && process.env.CI !== 'true') console.warn('[no-pids-cgroup] job filter not built: SKIPPED');
const profiles: IsolationProfile[] = bwrapUsable() ? ['process', 'bwrap'] : ['process'];

/** Tasks (processes and threads) of the zygote's whole tree, from /proc. */
function tasksUnder(root: number): number {
  let total = 0;
  const walk = (pid: number) => {
    try {
      total += Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
      for (const child of children) walk(Number(child));
    } catch {
      // exited meanwhile
    }
  };
  walk(root);
  return total;
}

async function outcome(runtime: PythonRuntime, code: string): Promise<{ code: string; logs: string }> {
  try {
    const run = await runtime.run(pythonJob(code, { limits: { timeoutMs: 3000, memoryMb: 256 } }));
    return { code: 'ok', logs: run.logs };
  } catch (e) {
    if (!(e instanceof StratexError)) throw e;
    return { code: e.code, logs: String(e.details?.logs ?? '') };
  }
}

describeWithPython('without a pids cgroup', ['numpy'], () => {
  describe.each(profiles)('in the %s profile', (isolation) => {
    const runtime = createPythonRuntime({ isolation, bypassValidation: true, concurrency: 1 });
    afterAll(() => runtime.close());

    it.skipIf(!filterBuilt && process.env.CI !== 'true')(
      'a fork bomb dies at its first fork, and leaves nothing running',
      async () => {
        await runtime.ready();
        const zygote = runtime.status().pid as number;
        expect(runtime.status().sandboxPids).toBeUndefined(); // no cgroup: nothing but the filter holds
        const before = tasksUnder(zygote);
        expect(await outcome(runtime, attack('bypass_fork_bomb.py'))).toMatchObject({ code: 'SANDBOX_VIOLATION' });
        expect(await outcome(runtime, attack('bypass_fork_count.py'))).toMatchObject({ code: 'SANDBOX_VIOLATION' });
        expect(await outcome(runtime, attack('bypass_daemon.py'))).toMatchObject({ code: 'SANDBOX_VIOLATION' });
        expect(runtime.status().pid).toBe(zygote);
        expect(tasksUnder(zygote)).toBe(before);
      },
    );

    it('a thread bomb stops at the address-space limit, far below 128 tasks', async () => {
      const result = await outcome(runtime, attack('bypass_thread_bomb.py'));
      expect(result.code).toBe('ok');
      const threads = Number(/threads (\d+)/.exec(result.logs)?.[1]);
      console.log(`[no-pids-cgroup] ${isolation}: ${threads} threads before the address-space limit`);
      expect(threads).toBeGreaterThan(0);
      expect(threads).toBeLessThan(128);
    });
  });
});
