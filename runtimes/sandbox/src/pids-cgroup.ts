/**
 * A pids cgroup per sandbox instance: the kernel caps the number of processes and threads in it (a fork
 * bomb fails with EAGAIN even for root, who is exempt from RLIMIT_NPROC), and it lists every process of
 * the instance, so leftovers can be found and killed. Used where the cgroup file system is writable
 * (cgroup v1 `pids` controller, or v2 with `pids` enabled); elsewhere the launcher's RLIMIT_NPROC.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
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
  if (process.platform !== 'linux') return undefined;
  if (existsSync(join(V1_ROOT, 'cgroup.procs'))) return join(V1_ROOT, 'stratex');
  try {
    const enabled = readFileSync(join(V2_ROOT, 'cgroup.subtree_control'), 'utf8');
    return enabled.split(/\s+/).includes('pids') ? join(V2_ROOT, 'stratex') : undefined;
  } catch {
    return undefined;
  }
}

/** A new pids cgroup allowing `maxPids` tasks, or undefined where cgroups are not writable. */
export function createPidsCgroup(maxPids: number): PidsCgroup | undefined {
  const base = parent();
  if (base === undefined) return undefined;
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
      try {
        rmdirSync(path);
      } catch {
        // still emptying: the kernel removes nothing by itself, but an empty cgroup costs nothing
      }
    },
  };
}
