import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
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
  it('shows no /home, /root or host processes, and no network interface but lo', () => {
    const code = [
      'import os',
      'print(os.path.exists("/home"), os.path.exists("/root"), os.path.exists("/tmp"))',
      'print(len([p for p in os.listdir("/proc") if p.isdigit()]) <= 3)',
      'print(open("/proc/net/dev").read().count(":"))',
    ].join('\n');
    const result = run('bwrap', code);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual(['False False False', 'True', '1']);
  });

  it('has a read-only file system', () => {
    const result = run('bwrap', 'open("/usr/x", "w")');
    expect(result.stderr).toMatch(/Read-only file system|Permission denied/);
  });
});
