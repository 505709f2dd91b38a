/**
 * `stratex serve`: the HTTP API on local storage until SIGINT or SIGTERM, then a graceful stop (queued
 * runs end failed, runtimes stop, the store closes).
 */
import { toStratexError } from '@stratex/core';
import type { LocalServer } from '@stratex/local';
import { SERVE_HELP } from '../help.js';
import type { CliIo } from '../io.js';
import { reportError } from '../report-error.js';
import { parseServeArgs } from './serve-args.js';
import { serveBanner, serveInfo } from './serve-banner.js';

export interface ServeOptions {
  /** Resolves when the server should stop (default: the first SIGINT or SIGTERM). */
  until?: Promise<unknown>;
  /** Where STRATEX_API_KEY, STRATEX_HOME and STRATEX_ISOLATION come from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export async function serveCommand(argv: string[], io: CliIo, options: ServeOptions = {}): Promise<number> {
  const json = argv.includes('--json');
  let server: LocalServer | undefined;
  try {
    const args = parseServeArgs(argv);
    if (args.help) {
      io.stdout.write(SERVE_HELP);
      return 0;
    }
    const { createLocalServer } = await import('@stratex/local');
    server = await createLocalServer({
      ...(args.port === undefined ? {} : { port: args.port }),
      ...(args.host === undefined ? {} : { host: args.host }),
      ...(args.csvFile === undefined ? {} : { csvFile: args.csvFile }),
      ...(options.env === undefined ? {} : { env: options.env }),
    });
    io.stdout.write(json ? `${JSON.stringify(serveInfo(server))}\n` : serveBanner(server));
    await (options.until ?? stopSignal());
    if (!json) io.stderr.write('stratex serve: stopping (queued runs end as failed)…\n');
    await server.close();
    return 0;
  } catch (err) {
    await server?.close().catch(() => undefined);
    return reportError(io, toStratexError(err), json);
  }
}

/** The first SIGINT or SIGTERM; a second one while stopping ends the process at once. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
