/** Which isolation profile this machine gives: bubblewrap when it can make namespaces, else a plain process. */
import { spawnSync } from 'node:child_process';
import { StratexError } from '@stratex/core';

export type IsolationProfile = 'bwrap' | 'process';

let bwrapProbe: boolean | undefined;

/** True when `bwrap` exists and can create user, pid and net namespaces here (probed once). */
export function bwrapUsable(): boolean {
  if (bwrapProbe === undefined) {
    const probe = spawnSync(
      'bwrap',
      ['--unshare-all', '--die-with-parent', '--ro-bind', '/', '/', '--proc', '/proc', '--', 'true'],
      { stdio: 'ignore', timeout: 5000 },
    );
    bwrapProbe = process.platform === 'linux' && probe.status === 0;
  }
  return bwrapProbe;
}

/**
 * The profile to run untrusted code in: `STRATEX_ISOLATION=process|bwrap` forces one (forcing bwrap
 * where it cannot work is an error), otherwise bwrap when usable, else process.
 */
export function detectIsolation(env: NodeJS.ProcessEnv = process.env): IsolationProfile {
  const forced = env.STRATEX_ISOLATION;
  if (forced === 'process') return 'process';
  if (forced === 'bwrap') {
    if (!bwrapUsable()) {
      throw new StratexError('INTERNAL', 'STRATEX_ISOLATION=bwrap but bubblewrap cannot create namespaces here');
    }
    return 'bwrap';
  }
  if (forced !== undefined && forced !== '') {
    throw new StratexError('INTERNAL', 'STRATEX_ISOLATION must be "process" or "bwrap"');
  }
  return bwrapUsable() ? 'bwrap' : 'process';
}
