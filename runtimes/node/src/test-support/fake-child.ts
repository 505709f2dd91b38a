/**
 * Fake runtime children for tests of the host side: small scripts that speak the frame protocol and
 * then misbehave on cue (crash, hang, allocate, spawn processes, forge frames).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the fake children's scripts (and anything they write) live. */
export const fakeChildDir = mkdtempSync(join(tmpdir(), 'stratex-fake-child-'));
const dir = fakeChildDir;

/**
 * Writes a fake child's script and returns its path: it answers init with ready (then runs `onReady`),
 * and runs `onJob` (with `job` and `send`) on each job frame.
 */
export function writeFakeChild(name: string, onJob: string, onReady = ''): string {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(
    path,
    `import { Socket } from 'node:net';
const socket = new Socket({ fd: 3, readable: true, writable: true });
const send = (h) => {
  const json = Buffer.from(JSON.stringify({ h, p: [] }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  socket.write(Buffer.concat([length, json]));
};
let bytes = Buffer.alloc(0);
socket.on('data', async (chunk) => {
  bytes = Buffer.concat([bytes, chunk]);
  for (;;) {
    if (bytes.length < 4) return;
    const length = bytes.readUInt32LE(0);
    if (bytes.length < 4 + length) return;
    const { h, p } = JSON.parse(bytes.subarray(4, 4 + length).toString());
    const body = p.reduce((sum, n) => sum + Math.ceil(n / 8) * 8, 0);
    if (bytes.length < 4 + length + body) return;
    bytes = bytes.subarray(4 + length + body);
    if (h.type === 'init') {
      send({ type: 'ready' });
      ${onReady}
    }
    else (async (job) => { ${onJob} })(h);
  }
});
`,
  );
  return path;
}
