/**
 * What the listener answers for requests the app never sees (Node's parser or the adapter refuses them):
 * the contract's JSON error, over real sockets on 127.0.0.1.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from './listen.js';

/** Writes `raw` on a new connection and reads until the server closes it (or 2 s pass). */
function exchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let text = '';
    const timer = setTimeout(() => socket.destroy(), 2000);
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
    socket.on('error', () => undefined);
  });
}

function parse(text: string): { status: number; contentType: string | undefined; nosniff: boolean; body: unknown } {
  const [head, body] = text.split('\r\n\r\n', 2);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const contentType = /^content-type: *(.+)$/im.exec(head)?.[1];
  const nosniff = /^x-content-type-options: *nosniff\r?$/im.test(head);
  const length = Number(/^content-length: *(\d+)$/im.exec(head)?.[1] ?? Number.NaN);
  return { status, contentType, nosniff, body: JSON.parse(Number.isNaN(length) ? body : body.slice(0, length)) };
}

describe('the listener under requests the app never sees', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(() => Response.json({ reached: 'app' }), '127.0.0.1', 0);
  });
  afterAll(async () => {
    server.closeAll();
    await server.close();
  });

  it.each([
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', 400],
    ['a control character in the path', 'GET /v1/\u0001 HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['a header name with a space', 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n', 400],
    ['headers over the size limit', `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['an asterisk as the path', 'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
    ['a backslash in the path', 'GET /v1\\..\\health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  ])('answers %s with a JSON INVALID_REQUEST', async (_name, raw, status) => {
    const answer = parse(await exchange(server.port, raw));
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.nosniff).toBe(true);
    expect(answer.body).toEqual({ error: { code: 'INVALID_REQUEST', message: expect.any(String) } });
  });

  it('still hands a well-formed request to the app', async () => {
    const answer = parse(await exchange(server.port, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(answer).toMatchObject({ status: 200, body: { reached: 'app' } });
  });
});
