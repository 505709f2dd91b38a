import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxAssets } from './assets.js';
import { createPidsCgroup } from './pids-cgroup.js';
import { bwrapUsable, type IsolationProfile } from './profile.js';
import { type SandboxSpec, sandboxCommand } from './sandbox-command.js';

const python = '/usr/bin/python3';
const built = sandboxAssets().launcher !== undefined && sandboxAssets().filter !== undefined;
const inCi = process.env.CI === 'true';
if (!bwrapUsable() && !inCi) console.warn('[sandbox] bwrap cannot create namespaces here: bwrap tests SKIPPED');
if (!built && !inCi) console.warn('[sandbox] launcher/filter not built (gcc, libseccomp-dev): seccomp tests SKIPPED');
const probe = createPidsCgroup(8);
probe?.remove();
/** Root is exempt from RLIMIT_NPROC: only a pids cgroup caps its processes. */
const capped = probe !== undefined || process.getuid?.() !== 0;
if (!capped) console.warn('[sandbox] root without a writable pids cgroup: fork-bomb tests SKIPPED');
const profiles: IsolationProfile[] = bwrapUsable() || inCi ? ['process', 'bwrap'] : ['process'];

/** What `dir` lists inside the sandbox when only `bound` is bound below it: its next step, or nothing. */
function onlyPathTo(bound: string, dir: string): string[] | null {
  if (!bound.startsWith(dir + sep)) return null;
  return [bound.slice(dir.length + 1).split(sep)[0]];
}

function run(profile: IsolationProfile, code: string, extra: Partial<SandboxSpec> = {}) {
  const wrapped = sandboxCommand({
    profile,
    command: python,
    args: ['-S', '-c', code],
    env: { ONLY: 'this' },
    cwd: '/usr',
    rlimits: { core: 0, fsize: 0, nofile: 64 },
    ...extra,
  });
  const result = spawnSync(wrapped.command, wrapped.args, { env: wrapped.env, cwd: wrapped.cwd, encoding: 'utf8' });
  return { ...result, seccomp: wrapped.seccomp };
}

describe.each(profiles)('sandboxCommand in the %s profile', (profile) => {
  it('gives the command only the environment it was given', () => {
    process.env.STRATEX_SANDBOX_CANARY = 'leak';
    const result = run(profile, 'import os; print(sorted(k for k in os.environ if k not in ("LC_CTYPE", "PWD")))');
    expect(result.stdout.trim()).toBe("['ONLY']");
  });

  it.skipIf(!built && !inCi)('kills a process that opens a socket (SIGSYS)', () => {
    const result = run(profile, 'import socket; socket.socket(); print("connected")');
    expect(result.seccomp).toBe(true);
    expect(result.signal ?? result.status).toSatisfy(
      (s: unknown) => s === 'SIGSYS' || s === 128 + constants.signals.SIGSYS,
    );
    expect(result.stdout).not.toContain('connected');
  });

  it.skipIf(!built && !inCi)('applies the rlimits: no file may be written, no core dumped', () => {
    const result = run(profile, 'import resource as r; print(r.getrlimit(r.RLIMIT_FSIZE), r.getrlimit(r.RLIMIT_CORE))');
    expect(result.stdout.trim()).toBe('(0, 0) (0, 0)');
  });

  it.skipIf((!built && !inCi) || !capped)('contains a fork bomb in the pids cgroup or under RLIMIT_NPROC', () => {
    const cgroup = createPidsCgroup(16);
    const bomb = [
      'import os',
      'n = 0',
      'try:',
      '    for _ in range(200):',
      '        if os.fork() == 0:',
      '            os.pause()',
      '        n += 1',
      'except OSError as e:',
      '    print("stopped", n)',
    ].join('\n');
    const result = run(profile, bomb, { cgroup: cgroup?.path, rlimits: { nproc: 16 } });
    cgroup?.remove();
    expect(result.stdout).toMatch(/^stopped \d+$/m);
    expect(Number(result.stdout.split(' ')[1])).toBeLessThan(16);
  });
});

describe.skipIf(!bwrapUsable() && !inCi)('sandboxCommand in the bwrap profile', () => {
  it('shows no /home, /root or /tmp of the host, no host processes, and no network interface but lo', () => {
    // The launcher is bound in read-only from the checkout, so the ancestors of the checkout exist in
    // the sandbox (e.g. /tmp when CI clones there), each holding only the next step of that path.
    const bound = dirname(sandboxAssets().launcher ?? '/usr/bin/true');
    const canary = mkdtempSync(join(tmpdir(), 'stratex-canary-'));
    writeFileSync(join(canary, 'secret'), 'x');
    const code = [
      'import os, json',
      'def listing(d): return sorted(os.listdir(d)) if os.path.exists(d) else None',
      'print(json.dumps([listing("/home"), listing("/root"), listing("/tmp")]))',
      `print(os.path.exists(${JSON.stringify(join(canary, 'secret'))}))`,
      'print(len([p for p in os.listdir("/proc") if p.isdigit()]) <= 3)',
      'print(open("/proc/net/dev").read().count(":"))',
    ].join('\n');
    const result = run('bwrap', code);
    rmSync(canary, { recursive: true });
    const lines = result.stdout.split('\n');
    expect(JSON.parse(lines[0])).toEqual(['/home', '/root', '/tmp'].map((dir) => onlyPathTo(bound, dir)));
    expect(lines.slice(1, 4)).toEqual(['False', 'True', '1']);
  });

  it('has a read-only file system', () => {
    const result = run('bwrap', 'open("/usr/x", "w")');
    expect(result.stderr).toMatch(/Read-only file system|Permission denied/);
  });
});
