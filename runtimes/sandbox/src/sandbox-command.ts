/**
 * Wraps a command line in an isolation profile. Both profiles go through the launcher `stratex-exec`
 * (when built) for rlimits, the pids cgroup and seccomp; `bwrap` adds namespaces and a read-only view
 * of only the given paths.
 */
import { sandboxAssets } from './assets.js';
import type { IsolationProfile } from './profile.js';

/** Limits the launcher sets before exec (soft = hard), inherited by every process of the sandbox. */
export interface SandboxRlimits {
  /** Open files. */
  nofile?: number;
  /** Largest file that may be written, bytes (0: none). */
  fsize?: number;
  /** Core dump size (0: none). */
  core?: number;
  /** Processes and threads of the sandbox's uid (ignored by the kernel for root). */
  nproc?: number;
  /** Address space, bytes. */
  as?: number;
  /** CPU seconds. */
  cpu?: number;
}

export interface SandboxSpec {
  profile: IsolationProfile;
  command: string;
  args: readonly string[];
  /** The whole environment the command sees. */
  env: Readonly<Record<string, string>>;
  /** Working directory (inside the sandbox at the same path: bind it). */
  cwd: string;
  /** Host paths visible read-only at the same path (bwrap); system libraries are added. */
  readOnlyBinds?: readonly string[];
  rlimits?: SandboxRlimits;
  /** Load the seccomp filter (default true; skipped, and reported, when it was not built). */
  seccomp?: boolean;
  /** A pids cgroup directory (createPidsCgroup) the sandbox joins before anything runs. */
  cgroup?: string;
}

export interface SandboxCommand {
  command: string;
  args: string[];
  /** The environment to give spawn (bwrap clears its own and sets the spec's inside). */
  env: Record<string, string>;
  cwd: string;
  /** Whether the seccomp filter is applied. */
  seccomp: boolean;
}

/** System paths an interpreter needs read-only: libraries, the loader cache, certificates are not needed. */
const SYSTEM_BINDS = ['/usr', '/lib', '/lib64', '/lib32', '/bin', '/etc/ld.so.cache', '/etc/alternatives'];

/** The command line that runs `spec.command` in `spec.profile`. */
export function sandboxCommand(spec: SandboxSpec): SandboxCommand {
  const { launcher, filter } = sandboxAssets();
  const seccomp = spec.seccomp !== false && launcher !== undefined && filter !== undefined;
  const inner = [spec.command, ...spec.args];
  const env = spec.profile === 'bwrap' ? {} : { ...spec.env };
  const cwd = spec.profile === 'bwrap' ? '/' : spec.cwd;
  const bwrap = ['bwrap', ...bwrapArgs(spec, launcher !== undefined), '--'];
  if (launcher === undefined) {
    const line = spec.profile === 'bwrap' ? [...bwrap, ...inner] : inner;
    return { command: line[0] as string, args: line.slice(1), env, cwd, seccomp };
  }
  // The rlimits are set inside the sandbox: bwrap itself writes /proc files that RLIMIT_FSIZE 0 forbids.
  const setup: string[] = [];
  for (const [name, value] of Object.entries(spec.rlimits ?? {})) {
    if (value !== undefined) setup.push('--rlimit', `${name}=${Math.floor(value)}`);
  }
  if (seccomp) setup.push('--seccomp', filter as string);
  const join = spec.cgroup === undefined ? [] : ['--cgroup', spec.cgroup];
  const line =
    spec.profile === 'bwrap'
      ? [launcher, ...join, '--', ...bwrap, launcher, ...setup, '--', ...inner]
      : [launcher, ...join, ...setup, '--', ...inner];
  return { command: launcher, args: line.slice(1), env, cwd, seccomp };
}

/** bubblewrap's options: every namespace, nothing writable, only the given paths, only the given env. */
export function bwrapArgs(spec: SandboxSpec, bindLauncher: boolean): string[] {
  const args = [
    '--unshare-user',
    '--unshare-pid',
    '--unshare-net',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    '--disable-userns',
    '--die-with-parent',
    '--new-session',
    '--hostname',
    'sandbox',
    '--uid',
    '65534',
    '--gid',
    '65534',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--clearenv',
  ];
  for (const [name, value] of Object.entries(spec.env)) args.push('--setenv', name, value);
  for (const path of SYSTEM_BINDS) args.push('--ro-bind-try', path, path);
  const { launcher, filter, jobFilter } = sandboxAssets();
  const own = bindLauncher ? [launcher, filter, jobFilter].filter((p): p is string => p !== undefined) : [];
  for (const path of [...(spec.readOnlyBinds ?? []), ...own]) args.push('--ro-bind', path, path);
  args.push('--remount-ro', '/', '--chdir', spec.cwd);
  return args;
}
