/**
 * Which addresses `stratex serve` may listen on. Under the `process` isolation profile user code is not
 * contained (docs/SECURITY.md), so the server must stay on loopback: anyone who can reach it could read
 * the server user's files through a strategy. Under `bwrap` other hosts are allowed, with a warning.
 */
import { isIP } from 'node:net';
import { StratexError } from '@stratex/core';
import type { IsolationProfile } from '@stratex/sandbox';

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

/** Throws INVALID_REQUEST for a host the profile may not serve; returns a warning to print, if any. */
export function checkHost(host: string, isolation: IsolationProfile): string | undefined {
  if (isLoopback(host)) return undefined;
  if (isolation === 'process') {
    throw new StratexError(
      'INVALID_REQUEST',
      `--host ${host} is refused: the isolation profile here is "process", which is not a security boundary ` +
        '(a strategy can read the files of the user running the server), so the server listens on 127.0.0.1 only',
      { field: 'host' },
    );
  }
  return (
    `listening on ${host}: anyone who can reach this address and has the API key can run code in the bwrap ` +
    'sandbox on this machine; put TLS and a firewall in front of it'
  );
}
