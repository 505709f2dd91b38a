/**
 * One request over a fresh connection with node:http, sending the path and body bytes exactly as given
 * (fetch would normalise `..` and refuse some headers), and the answer as text.
 */
import { request } from 'node:http';
import type { FuzzRequest } from './fuzz-requests.js';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** The answer, or the connection error when the server closed it before answering (e.g. a huge body). */
export function sendRaw(base: string, fuzz: FuzzRequest, timeoutMs = 15_000): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: fuzz.method,
        path: fuzz.path,
        headers: { ...fuzz.headers, ...(fuzz.body === undefined ? {} : { 'content-length': fuzz.body.length }) },
        agent: false,
        timeout: timeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(fuzz.body);
  });
}
