/** The native parts built by scripts/build-seccomp.mjs, when they were built. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** runtimes/sandbox (from src/ or dist/). */
const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

/** Where the launcher and the filter live (bound read-only into bwrap sandboxes). */
export const buildDir = join(packageDir, 'build');

export interface SandboxAssets {
  /** stratex-exec: cgroup, rlimits, uid drop, no_new_privs, seccomp, exec. */
  launcher?: string;
  /** The seccomp filter as raw BPF, for a whole sandbox (the launcher loads it). */
  filter?: string;
  /** The same plus execve/execveat denied: a runtime loads it into each job process before user code. */
  jobFilter?: string;
}

/** The built launcher and filter; either is missing where gcc or libseccomp were missing at install. */
export function sandboxAssets(): SandboxAssets {
  const launcher = join(buildDir, 'stratex-exec');
  const filter = join(buildDir, 'filter.bpf');
  const jobFilter = join(buildDir, 'job-filter.bpf');
  return {
    jobFilter: existsSync(jobFilter) ? jobFilter : undefined,
    launcher: existsSync(launcher) ? launcher : undefined,
    filter: existsSync(filter) ? filter : undefined,
  };
}
