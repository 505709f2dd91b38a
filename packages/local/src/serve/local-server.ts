/**
 * `stratex serve`: the API of packages/api over HTTP on one machine, for the local user (one API key).
 * Listens on 127.0.0.1 unless told otherwise, and only there under the `process` isolation profile.
 */
import { mkdir } from 'node:fs/promises';
import { createApp, type RunSlotLimits } from '@stratex/api';
import { LOCAL_OWNER, type RuntimeInvoker } from '@stratex/core';
import { detectIsolation, type IsolationProfile } from '@stratex/sandbox';
import { stratexHome } from '../store/local-candle-store.js';
import { type LocalApiKey, loadApiKey } from './api-key.js';
import { checkHost } from './host-policy.js';
import { listen, socketAddress } from './listen.js';
import { openLocalApi } from './local-api.js';
import { runLimitsFromEnv } from './run-limits-env.js';

/** The user id of the local user: the one owner of every record a local server writes and of its jobs. */
export const LOCAL_USER = LOCAL_OWNER;
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

export interface LocalServerOptions {
  /** STRATEX_HOME (default: the environment's, or ~/.stratex). */
  home?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: detected (`STRATEX_ISOLATION` forces one). */
  isolation?: IsolationProfile;
  /** The file the `csv` provider reads. */
  csvFile?: string;
  /**
   * Where STRATEX_API_KEY, STRATEX_HOME, STRATEX_ISOLATION, STRATEX_MAX_RUNNING_PER_USER and
   * STRATEX_MAX_QUEUED_PER_USER are read (default process.env).
   */
  env?: NodeJS.ProcessEnv;
  /** Queued runs at once, all users together (default 2). */
  concurrency?: number;
  /** Per-user caps on runs in flight (default: the environment's, else 2 running and 20 queued; docs/API.md). */
  runLimits?: Partial<RunSlotLimits>;
  /** Another runtime than the local ones (tests). */
  runtime?: RuntimeInvoker;
  /** Errors that became INTERNAL, with their cause, for the operator (default: one line on stderr). */
  onInternalError?: (err: unknown) => void;
}

export interface LocalServer {
  url: string;
  host: string;
  port: number;
  isolation: IsolationProfile;
  apiKey: Pick<LocalApiKey, 'source' | 'generated'>;
  /** Said once at start when the host is not loopback. */
  warning?: string;
  /** Stops listening, abandons queued runs, stops the runtimes and closes the store. */
  close(): Promise<void>;
}

export async function createLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const env = options.env ?? process.env;
  const host = options.host ?? DEFAULT_HOST;
  const isolation = options.isolation ?? detectIsolation(env);
  const warning = checkHost(host, isolation);
  const runLimits = { ...runLimitsFromEnv(env), ...options.runLimits };
  const home = options.home ?? stratexHome(env);
  // The store's lock file and the blobs live under it; only this user may read them.
  await mkdir(home, { recursive: true, mode: 0o700 });
  const apiKey = await loadApiKey(home, env.STRATEX_API_KEY);
  const onInternalError = options.onInternalError ?? logInternalError;
  const local = await openLocalApi({
    home,
    onInternalError,
    runLimits,
    ...pick(options, ['csvFile', 'concurrency', 'runtime']),
  });
  const app = createApp({
    ...local.deps,
    authenticate: (token) => (apiKey.matches(token) ? LOCAL_USER : undefined),
    clientAddress: socketAddress,
    version: '0.1.0',
  });
  const listening = await listen(app.fetch, host, options.port ?? DEFAULT_PORT).catch(async (err) => {
    await local.close();
    throw err;
  });
  // Runs a previous server accepted but never ran (it was killed) get their turn now.
  await local.resumeQueued(LOCAL_USER);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${listening.port}`,
    host,
    port: listening.port,
    isolation,
    apiKey: { source: apiKey.source, ...(apiKey.generated === undefined ? {} : { generated: apiKey.generated }) },
    ...(warning === undefined ? {} : { warning }),
    close() {
      closing ??= (async () => {
        const stopped = listening.close();
        await local.close();
        listening.closeAll();
        await stopped;
      })();
      return closing;
    },
  };
}

/** The operator's log: the error's name and message, never the request or a key. */
function logInternalError(err: unknown): void {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  process.stderr.write(`stratex serve: internal error: ${text}\n`);
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}
