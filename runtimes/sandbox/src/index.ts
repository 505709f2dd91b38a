export { type SandboxAssets, sandboxAssets } from './assets.js';
export { nprocLimit } from './nproc-limit.js';
export { createPidsCgroup, type PidsCgroup } from './pids-cgroup.js';
export { bwrapUsable, detectIsolation, type IsolationProfile } from './profile.js';
export {
  bwrapArgs,
  type SandboxCommand,
  type SandboxRlimits,
  type SandboxSpec,
  sandboxCommand,
} from './sandbox-command.js';
