/**
 * The attack corpus (runtimes/python/attacks/*.py) through the real runtime in the detected profile.
 * Each file's first line is its expected outcome (a CONTRACT code, or `ok` for a clean run); files
 * marked `bypass` run with static validation skipped and Python's full built-ins, to prove that the
 * sandbox itself holds. A canary file (its path passed nowhere), a canary environment variable and a
 * canary TCP listener on 127.0.0.1 prove that nothing leaked; after each job no process of it is left.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StratexError } from '@stratex/core';
import { createPidsCgroup, sandboxAssets } from '@stratex/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { createPythonRuntime, type PythonRuntime } from './python-runtime.js';
import { pythonJob } from './test-support/runtime.js';
import { SANDBOX_MAX_PIDS } from './zygote.js';

const dir = join(import.meta.dirname, '..', 'attacks');
const token = `canary-${process.pid}-${Date.now().toString(36)}`;

interface Attack {
  file: string;
  code: string;
  expected: string;
  bypass: boolean;
  /** Marked as something the process profile does not protect (docs/SECURITY.md). */
  notInProcess: boolean;
  forks: boolean;
}

const attacks: Attack[] = readdirSync(dir)
  .filter((f) => f.endsWith('.py'))
  .sort()
  .map((file) => {
    const code = readFileSync(join(dir, file), 'utf8');
    const [first = '', second = ''] = code.split('\n');
    return {
      file,
      code,
      expected: first.replace('# expect:', '').trim(),
      bypass: second.startsWith('# bypass'),
      notInProcess: second.includes('process: not a boundary'),
      forks: /fork|thread|daemon/.test(file),
    };
  });

/**
 * A job may start no process where the job filter is built (seccomp); without it, processes are capped
 * for root only by a pids cgroup, for other users by RLIMIT_NPROC too. Threads: by RLIMIT_AS anyway.
 */
function forkBombsContained(): boolean {
  const probe = createPidsCgroup(8);
  probe?.remove();
  return probe !== undefined || process.getuid?.() !== 0 || sandboxAssets().jobFilter !== undefined;
}

/** Pids of every descendant of `root` (from /proc). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

async function settle(runtime: PythonRuntime, baseline: number): Promise<number> {
  let count = Number.NaN;
  for (let i = 0; i < 50; i++) {
    const pid = runtime.status().pid;
    count = pid === undefined ? baseline : descendants(pid).length;
    if (count === baseline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return count;
}

describeWithPython('the Python attack corpus', ['numpy', 'pandas'], () => {
  let canaryDir = '';
  let listener: Server;
  let port = 0;
  let connections = 0;
  const runtimes = new Map<boolean, PythonRuntime>();
  const contained = forkBombsContained();
  const profile = createPythonRuntime().status().isolation;

  beforeAll(async () => {
    canaryDir = mkdtempSync(join(tmpdir(), 'stratex-canary-'));
    writeFileSync(join(canaryDir, 'canary.txt'), token);
    process.env.STRATEX_ATTACK_CANARY = token;
    listener = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as { port: number }).port;
    for (const bypass of [false, true]) {
      runtimes.set(bypass, createPythonRuntime({ concurrency: 1, maxOutputBytes: 1 << 20, bypassValidation: bypass }));
    }
  });

  afterAll(async () => {
    for (const runtime of runtimes.values()) await runtime.close();
    listener.close();
    rmSync(canaryDir, { recursive: true, force: true });
    delete process.env.STRATEX_ATTACK_CANARY;
  });

  it('runs under bwrap in CI (where .ci/run installs it), and says which profile it ran in', async () => {
    if (process.env.CI === 'true') expect(profile).toBe('bwrap');
    if (profile === 'process') console.warn('[attacks] bwrap unavailable here: ran in the process profile');
    const run = await (runtimes.get(false) as PythonRuntime).run(pythonJob('def strategy(d, p):\n    return {}\n'));
    expect(run.isolation).toBe(profile);
  });

  it('has at least 25 attacks, each with an expected outcome', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(25);
    for (const attack of attacks) expect(attack.expected, attack.file).toMatch(/^(ok|[A-Z_]+)$/);
  });

  for (const attack of attacks) {
    const skip = (attack.notInProcess && profile === 'process') || (attack.forks && attack.bypass && !contained);
    if (skip) console.warn(`[skip] ${attack.file}: not protected in this profile (${profile}); see docs/SECURITY.md`);
    it.skipIf(skip)(`${attack.file} ends in ${attack.expected} and leaks nothing`, async () => {
      const runtime = runtimes.get(attack.bypass) as PythonRuntime;
      await runtime.ready();
      const zygote = runtime.status().pid as number;
      const baseline = descendants(zygote).length;
      const job = pythonJob(attack.code, {
        params: attack.code.includes('"port"')
          ? { port }
          : attack.code.includes('"cap"')
            ? { cap: SANDBOX_MAX_PIDS }
            : {},
        limits: { timeoutMs: 3000, memoryMb: 256 },
      });
      let outcome: string;
      let seen: string;
      let logs: string;
      try {
        const run = await runtime.run(job);
        outcome = 'ok';
        seen = JSON.stringify(run);
        logs = run.logs;
      } catch (e) {
        if (!(e instanceof StratexError)) throw e;
        outcome = e.code;
        seen = JSON.stringify({ message: e.message, details: e.details });
        logs = String(e.details?.logs ?? '');
      }
      expect(outcome, seen.slice(0, 600)).toBe(attack.expected);
      expect(seen).not.toContain(token);
      expect(seen).not.toContain('root:x:0:0');
      expect(logs).not.toContain('ESCAPED');
      expect(connections).toBe(0);
      if (runtime.status().pid === zygote) expect(await settle(runtime, baseline)).toBe(baseline);
    });
  }
});
