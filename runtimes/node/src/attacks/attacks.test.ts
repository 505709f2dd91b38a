/**
 * The JS attack corpus: each file here attacks the host through the runtime (files, environment,
 * network, DNS, escapes, prototype pollution, stack-trace hooks, stack, memory, CPU, output, promise
 * and timer tricks) and says on its first line what must come of it (`// expect: CODE`, `A or B`,
 * `ok`). Canaries prove nothing leaked: a file with a secret the strategies are told the path of
 * (it must stay unchanged, its secret must appear nowhere), a secret environment variable of the host
 * (its value must appear nowhere), and TCP and UDP listeners on 127.0.0.1 they are told the port of
 * (they must see nothing). Every strategy gets the canaries' whereabouts as params.
 * The corpus runs with the static filter bypassed, so it proves the isolate holds by itself; a second
 * line `// filter: CODE_REJECTED` says the filter (static/validate.ts) turns the file away first.
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StratexError } from '@stratex/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../index.js';
import { isRunning, procAvailable, treeOf } from '../process-tree.js';
import { validateStrategy } from '../static/validate.js';
import { readCaseFiles } from '../test-support/case-files.js';
import { jsJob } from '../test-support/jobs.js';

const here = dirname(fileURLToPath(import.meta.url));
const cases = readCaseFiles(here);

const LIMITS = { timeoutMs: 1500, memoryMb: 64 };
const WORST_CASE_MS = LIMITS.timeoutMs + 2500;
const HOST_PATHS = /\/(work|home|tmp|usr|root|Users)\/|node_modules|file:\/\//;
const ENV_NAME = 'STRATEX_CANARY_SECRET';

const secret = {
  file: `canary-file-${randomBytes(12).toString('hex')}`,
  env: `canary-env-${randomBytes(12).toString('hex')}`,
};
const canaryPath = join(mkdtempSync(join(tmpdir(), 'stratex-canary-')), 'secret.txt');
const seen = { tcp: 0, udp: 0 };
let tcp: Server;
const udp = createSocket('udp4');
let canaryPort = 0;
let runtime: NodeRuntime;

beforeAll(async () => {
  writeFileSync(canaryPath, secret.file);
  process.env[ENV_NAME] = secret.env;
  tcp = createServer((socket) => {
    seen.tcp++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  canaryPort = (tcp.address() as { port: number }).port;
  udp.on('message', () => seen.udp++);
  await new Promise<void>((resolve) => udp.bind(canaryPort, '127.0.0.1', resolve));
  runtime = createNodeRuntime({ warmMemoryMb: LIMITS.memoryMb, maxOutputBytes: 8 * 2 ** 20, bypassValidation: true });
  await runtime.ready();
}, 60_000);

afterAll(async () => {
  delete process.env[ENV_NAME];
  await runtime?.close();
  tcp?.close();
  udp.close();
});

async function outcomeOf(code: string) {
  const started = performance.now();
  const params = { canaryPath, canaryPort, canaryEnv: ENV_NAME };
  const settled = await runtime.run(jsJob(code, { limits: LIMITS, params })).then(
    (run) => ({ run, error: undefined }),
    (error: unknown) => ({ run: undefined, error }),
  );
  return { ...settled, elapsed: performance.now() - started };
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return '';
  }
}

/** Every canary is intact: the file unchanged, no secret anywhere in what came back, no packet seen. */
function expectCanariesIntact(everything: string, modifiedAt: number): void {
  expect(readFileSync(canaryPath, 'utf8')).toBe(secret.file);
  expect(statSync(canaryPath).mtimeMs).toBe(modifiedAt);
  expect(everything).not.toContain(secret.file);
  expect(everything).not.toContain(secret.env);
  expect(seen).toEqual({ tcp: 0, udp: 0 });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
}

describe('the JS attack corpus', () => {
  it('has at least 15 attacks, each saying what must come of it and taking the canary params', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const { file, code, expected } of cases) {
      expect({ file, expected: expected !== '' }).toEqual({ file, expected: true });
      expect({ file, params: code.includes('canaryPath') }).toEqual({ file, params: true });
    }
  });

  it.each(cases)('$file: the static filter rejects it exactly when it says so ($filtered)', ({ code, filtered }) => {
    let rejected: unknown;
    try {
      validateStrategy(code);
    } catch (error) {
      rejected = (error as StratexError).code;
    }
    expect(rejected).toBe(filtered ? 'CODE_REJECTED' : undefined);
  });

  it('keeps attacks the filter cannot see, so the corpus proves the sandbox either way', () => {
    expect(cases.filter((c) => c.filtered).length).toBeGreaterThan(0);
    expect(cases.filter((c) => !c.filtered).length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('$file → $expected', async ({ code, codes }) => {
    const modifiedAt = statSync(canaryPath).mtimeMs;
    const { run, error, elapsed } = await outcomeOf(code);
    expect(elapsed).toBeLessThan(WORST_CASE_MS);
    if (run !== undefined) {
      expect(codes).toContain('ok');
      expect(run.output.leaked ?? []).toEqual([]);
      expectCanariesIntact(JSON.stringify(run), modifiedAt);
    } else {
      expect(error).toBeInstanceOf(StratexError);
      const body = (error as StratexError).toBody();
      expect(codes).toContain(body.error.code);
      expect(JSON.stringify(body)).not.toMatch(HOST_PATHS);
      expectCanariesIntact(JSON.stringify(body), modifiedAt);
    }
    // The runtime is healthy after it: a normal job runs at once and sees no trace of the attack.
    const started = performance.now();
    const normal = await runtime.run(
      jsJob('export function strategy() { return { entries: [true], seen: typeof keep }; }'),
    );
    expect(normal.output).toEqual({ entries: [true], seen: 'undefined' });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('results keep __proto__ and constructor keys as data, without touching the host prototypes', async () => {
    const { run } = await outcomeOf(readFileSync(join(here, 'prototype-pollution-result.js'), 'utf8'));
    const output = run?.output as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(output)).toContain('__proto__');
    expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.skipIf(!procAvailable)('leaves no process of a killed child running', async () => {
    const { error } = await outcomeOf(
      'export const params = { canaryPath: "", canaryPort: 0, canaryEnv: "" };\nexport function strategy() { for (;;) {} }',
    );
    expect((error as StratexError).code).toBe('TIMEOUT');
    // Of the runtime's children only the replacement runs: the killed one and its tree are gone.
    const runtimeChildren = treeOf(process.pid).filter(
      (pid) => isRunning(pid) && commandOf(pid).startsWith(`${process.execPath}\0--no-node-snapshot\0`),
    );
    expect(runtimeChildren.length).toBeLessThanOrEqual(1);
  });
});
