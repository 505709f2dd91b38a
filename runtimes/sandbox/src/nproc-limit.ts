/**
 * RLIMIT_NPROC counts every task (process or thread) of the real uid, not only the sandbox's: a limit
 * of 128 would stop a developer's desktop session with more. So the limit is what the uid runs now
 * plus the sandbox's allowance. Root is exempt from it altogether (the pids cgroup caps root).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Tasks of this process's uid now (from /proc; 0 where there is no /proc). */
function tasksOfThisUser(): number {
  const uid = process.getuid?.();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  let tasks = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) === uid)
        tasks += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    } catch {
      // exited meanwhile
    }
  }
  return tasks;
}

/** An RLIMIT_NPROC that leaves the sandbox `allowance` more tasks than its user runs now. */
export function nprocLimit(allowance: number): number {
  return tasksOfThisUser() + allowance;
}
