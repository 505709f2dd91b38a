/**
 * The API over the real local ports (runtimes, embedded store, blob folder, queue) on real HTTP at
 * 127.0.0.1, with two users and adjustable limits — what createLocalServer wires, minus its one key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiDeps, createApp, type RunSlotLimits } from '@stratex/api';
import { listen, socketAddress } from '../listen.js';
import { openLocalApi } from '../local-api.js';

export const USER_KEYS = { alice: 'alice-key-000000000000', bob: 'bob-key-1111111111111' } as const;

export interface TwoUserServer {
  url: string;
  /** Its STRATEX_HOME (a temporary folder): no answer may name it. */
  home: string;
  internalErrors: unknown[];
  close(): Promise<void>;
}

export async function startTwoUserServer(
  options: {
    csvFile?: string;
    runLimits?: Partial<RunSlotLimits>;
    overrides?: (deps: Omit<ApiDeps, 'authenticate'>) => Partial<ApiDeps>;
  } = {},
): Promise<TwoUserServer> {
  const home = mkdtempSync(join(tmpdir(), 'stratex-serve-'));
  const internalErrors: unknown[] = [];
  const local = await openLocalApi({
    home,
    onInternalError: (err) => internalErrors.push(err),
    ...(options.csvFile === undefined ? {} : { csvFile: options.csvFile }),
    ...(options.runLimits === undefined ? {} : { runLimits: options.runLimits }),
  });
  const app = createApp({
    ...local.deps,
    authenticate: (token) => Object.entries(USER_KEYS).find(([, key]) => key === token)?.[0],
    clientAddress: socketAddress,
    ...options.overrides?.(local.deps),
  });
  const listening = await listen(app.fetch, '127.0.0.1', 0);
  return {
    url: `http://127.0.0.1:${listening.port}`,
    home,
    internalErrors,
    async close() {
      const stopped = listening.close();
      await local.close();
      listening.closeAll();
      await stopped;
      rmSync(home, { recursive: true, force: true });
    },
  };
}
