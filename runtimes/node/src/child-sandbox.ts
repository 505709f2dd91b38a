/**
 * How a child process is started inside its isolation profile (@stratex/sandbox): under bubblewrap
 * (`bwrap`: own user, pid, net, ipc and uts namespaces; a read-only view of only the node binary, the
 * system libraries, the child's script, the isolated-vm addon; an empty environment; seccomp; rlimits)
 * or as a plain process behind the same launcher (`process`: empty environment, rlimits, seccomp, not a
 * security boundary). Node and isolated-vm need no socket calls once started: the pipe to the host is
 * inherited as fd 3, so the seccomp filter that denies socket/socketpair/connect holds for the child.
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { type IsolationProfile, type SandboxCommand, type SandboxRlimits, sandboxCommand } from '@stratex/sandbox';

/**
 * Limits of the whole child (every job it runs): no core dumps (a crash must not write the isolate's
 * memory to disk), no files written, a few open files (node, its threads and the pipe need ~25).
 * CPU time is limited per job by the host's watchdog, not by RLIMIT_CPU, which would count the child's
 * whole life; memory by the isolate and the host's RSS watchdog (V8 reserves gigabytes of address space
 * at start, so RLIMIT_AS cannot tell a bomb from a normal start).
 */
export const CHILD_RLIMITS: SandboxRlimits = { core: 0, fsize: 0, nofile: 128 };

/** The directory holding the isolated-vm package (its JS and its native addon). */
function isolatedVmDir(): string {
  return dirname(realpathSync(createRequire(import.meta.url).resolve('isolated-vm/package.json')));
}

export interface ChildLaunch {
  profile: IsolationProfile;
  nodePath: string;
  /** Node's options before the script. */
  nodeArgs: readonly string[];
  entry: string;
  /** What of the child's code it reads besides node and isolated-vm (the compiled package, or one bundled file). */
  code: readonly string[];
  /** A pids cgroup directory the child joins, where one could be made. */
  cgroup?: string;
}

/** Paths the child reads: the node binary, its code, isolated-vm (system libraries are added by the sandbox). */
export function childReadOnlyPaths(launch: ChildLaunch): string[] {
  return [...new Set([launch.nodePath, realpathSync(launch.nodePath), ...launch.code, isolatedVmDir()])];
}

/** The command that starts the child in its profile. */
export function childCommand(launch: ChildLaunch): SandboxCommand {
  return sandboxCommand({
    profile: launch.profile,
    command: launch.nodePath,
    args: [...launch.nodeArgs, launch.entry],
    env: {},
    cwd: dirname(launch.entry),
    readOnlyBinds: childReadOnlyPaths(launch),
    rlimits: CHILD_RLIMITS,
    ...(launch.cgroup === undefined ? {} : { cgroup: launch.cgroup }),
  });
}
