/**
 * Serves a fetch handler over HTTP with @hono/node-server's request listener on a node:http server, and
 * stops it without waiting on idle keep-alives. Requests the app never sees — a request line or header
 * Node's parser refuses, headers over its size limit, a URL or Host the adapter cannot make a Request
 * of — are answered with the contract's JSON error too, never an empty body or a stack.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener, type Http2Bindings, type HttpBindings, RequestError } from '@hono/node-server';
import { StratexError } from '@stratex/core';

export interface Listening {
  host: string;
  port: number;
  /** Stops accepting connections; resolves once the open ones ended (idle ones are closed at once). */
  close(): Promise<void>;
  /** Ends every connection, busy ones too (after the work behind them was stopped). */
  closeAll(): void;
}

type Fetch = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>;

/** The peer address of the socket a request came on (the app's `clientAddress` port). */
export function socketAddress(c: { env: unknown }): string | undefined {
  return (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket?.remoteAddress;
}

/** Whole requests must arrive within this, headers within HEADERS_TIMEOUT_MS (slow-loris). */
const REQUEST_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 20_000;

export function listen(fetch: Fetch, host: string, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const listener = getRequestListener(fetch, { hostname: host, errorHandler: adapterError });
    const server: Server = createServer(
      { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS },
      listener,
    );
    server.on('clientError', answerClientError);
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
          server.close();
          server.closeIdleConnections();
          await closed;
        },
        closeAll: () => server.closeAllConnections(),
      });
    });
    server.listen(port, host);
  });
}

function errorJson(code: 'INVALID_REQUEST' | 'INTERNAL', message: string): string {
  return JSON.stringify(new StratexError(code, message).toBody());
}

/** A request the adapter could not turn into a Request (bad URL or Host), or a fetch that rejected. */
function adapterError(err: unknown): Response {
  const headers = {
    'Content-Type': 'application/json; charset=UTF-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (err instanceof RequestError) {
    return new Response(errorJson('INVALID_REQUEST', 'the request URL or Host header is not valid'), {
      status: 400,
      headers,
    });
  }
  // The app answers its own faults; this is a bug below it. Nothing of it reaches the client.
  return new Response(errorJson('INTERNAL', 'An internal error occurred; please try again or report it.'), {
    status: 500,
    headers,
  });
}

/** What Node's HTTP parser refused, as a JSON answer on a connection that then closes. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  // A client that hung up cannot read an answer (Node's docs: destroy the socket).
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'the request headers are too large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'the request did not arrive in time']
        : [400, 'Bad Request', 'the request is not valid HTTP'];
  const body = errorJson('INVALID_REQUEST', message);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=UTF-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
