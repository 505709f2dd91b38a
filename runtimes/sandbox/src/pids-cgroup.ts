/**
 * A pids cgroup per sandbox instance: the kernel caps the number of processes and threads in it (a fork
 * bomb fails with EAGAIN even for root, who is exempt from RLIMIT_NPROC), and it lists every process of
 * the instance, so leftovers can be found and killed. Used where the cgroup file system is writable
 * (cgroup v1 `pids` controller, or v2 with `pids` enabled); elsewhere the launcher's RLIMIT_NPROC.
 * `STRATEX_PIDS_CGROUP=off` turns it off (an operator who keeps stratex out of the cgroup tree; tests
 * proving what holds without it).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const V1_ROOT = '/sys/fs/cgroup/pids';
const V2_ROOT = '/sys/fs/cgroup';
let counter = 0;

export interface PidsCgroup {
  /** The cgroup's directory (the launcher joins it with `--cgroup`). */
  readonly path: string;
  /** Pids of every process in it now. */
  pids(): number[];
  /** SIGKILLs every process in it. */
  killAll(): void;
  /** Kills what is left and removes the cgroup (best effort). */
  remove(): void;
}

function parent(): string | undefined {
  if (process.platform !== 'linux' || process.env.STRATEX_PIDS_CGROUP === 'off') return undefined;
  if (existsSync(join(V1_ROOT, 'cgroup.procs'))) return join(V1_ROOT, 'stratex');
  try {
    const enabled = readFileSync(join(V2_ROOT, 'cgroup.subtree_control'), 'utf8');
    return enabled.split(/\s+/).includes('pids') ? join(V2_ROOT, 'stratex') : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the cgroup once its last process is gone (the kernel refuses while any remains). */
function removeWhenEmpty(path: string, attempts = 50): void {
  try {
    rmdirSync(path);
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === 'EBUSY';
    if (busy && attempts > 0) setTimeout(() => removeWhenEmpty(path, attempts - 1), 20).unref();
  }
}

/** Cgroups left by host processes that died without removing theirs (named `<host pid>-<n>`). */
function removeStale(base: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const owner = Number(name.split('-')[0]);
    if (owner === process.pid || alive(owner)) continue;
    removeWhenEmpty(join(base, name), 0);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A new pids cgroup allowing `maxPids` tasks, or undefined where cgroups are not writable. */
export function createPidsCgroup(maxPids: number): PidsCgroup | undefined {
  const base = parent();
  if (base === undefined) return undefined;
  if (counter === 0) removeStale(base);
  const path = join(base, `${process.pid}-${++counter}`);
  try {
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'pids.max'), String(maxPids));
  } catch {
    return undefined;
  }
  const pids = () => {
    try {
      return readFileSync(join(path, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const killAll = () => {
    for (const pid of pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  return {
    path,
    pids,
    killAll,
    remove() {
      killAll();
      removeWhenEmpty(path);
    },
  };
}
