/** Serves a fetch handler over HTTP with @hono/node-server, and stops it without waiting on idle keep-alives. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { StratexError } from '@stratex/core';

export interface Listening {
  host: string;
  port: number;
  /** Stops accepting connections; resolves once the open ones ended (idle ones are closed at once). */
  close(): Promise<void>;
  /** Ends every connection, busy ones too (after the work behind them was stopped). */
  closeAll(): void;
}

type Fetch = (request: Request) => Response | Promise<Response>;

export function listen(fetch: Fetch, host: string, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port });
    const http = server as import('node:http').Server;
    server.once('error', (err: NodeJS.ErrnoException) => {
      const reason = err.code === 'EADDRINUSE' ? 'is in use' : err.code === 'EACCES' ? 'needs privileges' : 'failed';
      reject(
        new StratexError('INVALID_REQUEST', `cannot listen on ${host}:${port}: the port ${reason}`, { field: 'port' }),
      );
    });
    server.once('listening', () => {
      const closed = new Promise<void>((done) => server.once('close', () => done()));
      resolve({
        host,
        port: (server.address() as AddressInfo).port,
        close: async () => {
          http.close();
          http.closeIdleConnections();
          await closed;
        },
        closeAll: () => http.closeAllConnections(),
      });
    });
  });
}
