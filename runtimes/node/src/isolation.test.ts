/**
 * The child process as the kernel sees it, in each isolation profile: seccomp filter on and no new
 * privileges, rlimits (no core dumps, no file writes, few open files), an empty environment, and under
 * bwrap its own network and pid namespaces and a file system without the host's files. A child that
 * makes a forbidden call (a socket) is killed by seccomp, and the job is a SANDBOX_VIOLATION.
 * Under CI=true bwrap must work; elsewhere its tests are skipped (visibly) where it cannot.
 */
import { existsSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StratexError } from '@stratex/core';
import { bwrapUsable, type IsolationProfile, sandboxAssets } from '@stratex/sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from './index.js';
import { isRunning, procAvailable, treeOf } from './process-tree.js';
import { writeFakeChild } from './test-support/fake-child.js';
import { jsJob } from './test-support/jobs.js';

const inCi = process.env.CI === 'true';
const runtimes: NodeRuntime[] = [];
afterAll(() => Promise.all(runtimes.map((runtime) => runtime.close())));

const canaryDir = mkdtempSync(join(tmpdir(), 'stratex-isolation-canary-'));
const canaryFile = join(canaryDir, 'secret.txt');
writeFileSync(canaryFile, 'canary');

/** The node processes (not their wrappers) in this test process's tree. */
function nodeChildren(): number[] {
  return treeOf(process.pid).filter((pid) => {
    if (pid === process.pid || !isRunning(pid)) return false;
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0');
      return argv[0] === process.execPath && argv[1] === '--no-node-snapshot';
    } catch {
      return false;
    }
  });
}

function statusField(pid: number, field: string): string {
  return new RegExp(`^${field}:\\s*(.*)$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? '';
}

function softLimit(pid: number, name: string): string {
  const line = readFileSync(`/proc/${pid}/limits`, 'latin1')
    .split('\n')
    .find((l) => l.startsWith(name));
  return line?.slice(26).trim().split(/\s+/)[0] ?? '';
}

async function childOf(profile: IsolationProfile): Promise<{ runtime: NodeRuntime; pid: number }> {
  const before = new Set(nodeChildren());
  const runtime = createNodeRuntime({ isolation: profile, warmMemoryMb: 64 });
  runtimes.push(runtime);
  const run = await runtime.run(jsJob('export function strategy() { return { entries: [true] }; }'));
  expect(run.isolation).toBe(profile);
  const fresh = nodeChildren().filter((pid) => !before.has(pid));
  expect(fresh).toHaveLength(1);
  return { runtime, pid: fresh[0] };
}

const seccompBuilt = sandboxAssets().launcher !== undefined && sandboxAssets().filter !== undefined;
const bwrapHere = procAvailable && bwrapUsable();

describe('the bwrap profile is available in CI', () => {
  it.runIf(inCi)('bwrap can create its namespaces and the seccomp launcher is built', () => {
    expect(bwrapUsable()).toBe(true);
    expect(seccompBuilt).toBe(true);
  });
});

describe.each([
  { profile: 'process' as const, usable: procAvailable && seccompBuilt },
  { profile: 'bwrap' as const, usable: bwrapHere && seccompBuilt },
])('the $profile profile', ({ profile, usable }) => {
  it.skipIf(!usable)(
    'runs the child under seccomp, without new privileges, with rlimits and no environment',
    async () => {
      const { pid } = await childOf(profile);
      expect(statusField(pid, 'Seccomp')).toBe('2');
      expect(statusField(pid, 'NoNewPrivs')).toBe('1');
      expect(softLimit(pid, 'Max core file size')).toBe('0');
      expect(softLimit(pid, 'Max file size')).toBe('0');
      expect(softLimit(pid, 'Max open files')).toBe('128');
      // bwrap sets PWD itself after changing directory; nothing else may be there.
      const environment = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').filter(Boolean);
      expect(environment.filter((entry) => !entry.startsWith('PWD='))).toEqual([]);
    },
  );

  it.skipIf(!usable)(
    'kills a child that opens a socket (seccomp): SANDBOX_VIOLATION, and the listener sees nothing',
    async () => {
      let connections = 0;
      const server = createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      const entry = writeFakeChild(
        `socket-${profile}`,
        `(await import('node:net')).connect(${port}, '127.0.0.1'); setInterval(() => {}, 1000);`,
      );
      const runtime = createNodeRuntime({ isolation: profile, childEntry: entry });
      runtimes.push(runtime);
      const error = await runtime.run(jsJob('export function strategy() { return {}; }')).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 100));
      server.close();
      expect(error).toBeInstanceOf(StratexError);
      expect((error as StratexError).code).toBe('SANDBOX_VIOLATION');
      expect(connections).toBe(0);
    },
  );
});

describe.skipIf(!bwrapHere && !inCi)('the bwrap profile', () => {
  it('gives the child its own network and pid namespaces and none of the host files', async () => {
    const { pid } = await childOf('bwrap');
    for (const ns of ['net', 'pid', 'ipc', 'uts', 'user']) {
      expect({ ns, same: readlinkSync(`/proc/${pid}/ns/${ns}`) === readlinkSync(`/proc/self/ns/${ns}`) }).toEqual({
        ns,
        same: false,
      });
    }
    const root = `/proc/${pid}/root`;
    expect(existsSync(`${root}/usr`)).toBe(true);
    for (const hidden of [
      canaryFile,
      canaryDir,
      '/root',
      '/home',
      join(process.cwd(), 'package.json'),
      '/etc/passwd',
      '/var',
    ]) {
      expect({ hidden, visible: existsSync(`${root}${hidden}`) }).toEqual({ hidden, visible: false });
    }
  });
});
