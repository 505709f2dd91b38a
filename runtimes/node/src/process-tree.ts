/**
 * A child's whole process tree as Linux's /proc shows it: which processes it holds, how much memory
 * (resident) and CPU time they use together, and killing all of them. A sandbox wrapper (bwrap) adds
 * processes between the host and Node, and a strategy that escaped its isolate could start more; every
 * limit and every kill therefore counts the tree, not one pid. Where /proc is missing (macOS) a tree is
 * just its root and usage is unknown: the isolate's own limits and the wall clock still hold there.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory in bytes and CPU time (user + system) in ms of a set of processes. */
export interface TreeUsage {
  rssBytes: number;
  cpuMs: number;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux ABI). */
const TICKS_PER_SECOND = 100;

/** Whether this system has the /proc files the tree functions read. */
export const procAvailable = (() => {
  try {
    readFileSync(`/proc/${process.pid}/stat`);
    return true;
  } catch {
    return false;
  }
})();

/**
 * `root` and every process descended from it, root first. `thorough` reads the children of every thread
 * (a process started from a worker thread is listed there); otherwise only the main threads' (cheap
 * enough to poll: one read per process).
 */
export function treeOf(root: number, thorough = true): number[] {
  const pids = [root];
  if (!procAvailable) return pids;
  for (let i = 0; i < pids.length; i++) {
    for (const child of childrenOf(pids[i], thorough)) if (!pids.includes(child)) pids.push(child);
  }
  return pids;
}

function childrenOf(pid: number, thorough: boolean): number[] {
  let tasks: string[];
  try {
    tasks = thorough ? readdirSync(`/proc/${pid}/task`) : [String(pid)];
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const task of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'latin1').trim();
      if (text !== '') for (const child of text.split(' ')) children.push(Number(child));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return children;
}

/** Summed usage of `pids` (processes that are gone count nothing); undefined without /proc. */
export function usageOf(pids: readonly number[]): TreeUsage | undefined {
  if (!procAvailable) return undefined;
  let rssBytes = 0;
  let cpuMs = 0;
  for (const pid of pids) {
    const stat = statOf(pid);
    if (stat === undefined) continue;
    rssBytes += stat.rssBytes;
    cpuMs += stat.cpuMs;
  }
  return { rssBytes, cpuMs };
}

/** Bytes per page of /proc/<pid>/stat's resident-set field, found once from this process's own files. */
const pageBytes = (() => {
  if (!procAvailable) return 4096;
  try {
    const pages = Number(readFileSync('/proc/self/statm', 'latin1').split(' ')[1]);
    const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'latin1'))?.[1]);
    return 2 ** Math.round(Math.log2((rssKb * 1024) / pages));
  } catch {
    return 4096;
  }
})();

function statOf(pid: number): TreeUsage | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Fields after the command name (which may hold spaces and parentheses), from field 3 (state) on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssBytes: Number(fields[21]) * pageBytes, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** Whether `pid` still exists as a running process (a zombie waiting to be reaped does not count). */
export function isRunning(pid: number): boolean {
  if (!procAvailable) {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/**
 * SIGKILLs the process group led by `root` (the child is spawned as a group leader) and every process
 * of its tree, including ones that left the group. Returns the pids it signalled, for `leftovers`.
 */
export function killTree(root: number): number[] {
  const pids = treeOf(root);
  signal(-root);
  for (const pid of pids) signal(pid);
  return pids;
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Those of `pids` that still run (pids are not reused within the few ms this is checked in). */
export function leftovers(pids: readonly number[]): number[] {
  return pids.filter(isRunning);
}
