/**
 * A bounded fuzz of the API over real HTTP on 127.0.0.1 with the real local ports (runtimes, embedded
 * store, blob folder, queue): a few hundred malformed and hostile requests from a fixed seed. Every
 * answer must be a contract answer (status < 500, a JSON `{error: {code, message}}` with a section-4
 * code on failure) that leaks nothing of the host (no absolute path, environment value, stack frame or
 * key), and the server must still answer /health afterwards.
 */
import { homedir, tmpdir } from 'node:os';
import { ERROR_CODES } from '@stratex/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../testing/shared-data.js';
import { CANARY_NAME, type FuzzRequest, fuzzRequests } from './test-support/fuzz-requests.js';
import { type RawAnswer, sendRaw } from './test-support/raw-http.js';
import { startTwoUserServer, type TwoUserServer, USER_KEYS } from './test-support/two-user-server.js';

// Fixed, so a failure replays; STRATEX_FUZZ_SEED explores another.
const SEED = Number(process.env.STRATEX_FUZZ_SEED ?? 20261126);
const COUNT = 300;
const BUDGET_MS = 30_000;
const CANARY = `canary-${SEED}-do-not-echo`;

const CODES = new Set<string>(ERROR_CODES);
const STACK_FRAME = /^\s+at .+[:(]|\bat (?:file:\/\/|node:internal|\/)/m;
/** An absolute path of a host directory, not one the request itself spelled as `../etc/…`. */
const HOST_PATH = /(?:^|[^\w.%])\/(?:home|root|tmp|usr|var|etc|work|Users|private|proc|opt|srv|mnt)\//;

/** What is wrong with one answer, or undefined. */
function problemOf(fuzz: FuzzRequest, answer: RawAnswer, secrets: string[]): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}`;
  let body: { error?: { code?: unknown; message?: unknown } } | undefined;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `not JSON: ${answer.text.slice(0, 80)}`;
  }
  if (typeof body !== 'object' || body === null) return 'not a JSON object';
  if (answer.status >= 400 || body.error !== undefined) {
    const { code, message } = body.error ?? {};
    if (typeof code !== 'string' || !CODES.has(code)) return `error code ${String(code)}`;
    if (typeof message !== 'string' || message === '') return 'no error message';
  }
  if (STACK_FRAME.test(answer.text)) return 'a stack frame';
  if (HOST_PATH.test(answer.text)) return `a host path: ${HOST_PATH.exec(answer.text)?.[0]}`;
  for (const secret of secrets) if (answer.text.includes(secret)) return `leaks ${secret.slice(0, 12)}…`;
  const token = /^Bearer\s+(\S{8,})/i.exec(fuzz.headers.authorization ?? '')?.[1];
  if (token !== undefined && answer.text.includes(token)) return 'echoes the bearer token';
  return undefined;
}

describe('the API over HTTP under malformed and hostile requests', () => {
  let server: TwoUserServer;
  beforeAll(async () => {
    // Runtimes started from here inherit it: no answer may carry it.
    process.env[CANARY_NAME] = CANARY;
    // Requests go one at a time; a slot beyond the queue's 2 keeps synchronous runs running (not 429)
    // while queued ones (a startDate of 0 asks for decades of bars) hold the others.
    server = await startTwoUserServer({
      runLimits: { maxRunningPerUser: 3 },
      overrides: () => ({ rateLimit: { capacity: 100_000 }, failedAuthLimit: { capacity: 100_000 } }),
    });
  });
  afterAll(async () => {
    await server?.close();
    delete process.env[CANARY_NAME];
  });

  it(`answers ${COUNT} fuzzed requests (seed ${SEED}) within the contract, then /health`, async () => {
    const secrets = [CANARY, USER_KEYS.alice, USER_KEYS.bob, repoRoot, homedir(), server.home, tmpdir()];
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    let sent = 0;
    for (const fuzz of fuzzRequests(SEED, COUNT, USER_KEYS.alice)) {
      if (Date.now() - started > BUDGET_MS) break;
      sent += 1;
      try {
        const answer = await sendRaw(server.url, fuzz);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = problemOf(fuzz, answer, secrets);
        if (problem !== undefined) problems.push(`#${sent} ${fuzz.name}: ${problem}`);
      } catch (err) {
        // A body over the limit may be cut off while still being sent; anything else is a fault.
        if ((fuzz.body?.length ?? 0) <= 2 * 1024 * 1024) problems.push(`#${sent} ${fuzz.name}: ${String(err)}`);
      }
    }
    const health = await sendRaw(server.url, { name: 'health', method: 'GET', path: '/health', headers: {} });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ status: 'ok' });
    expect(sent, `seed ${SEED}: only ${sent} of ${COUNT} requests fit in ${BUDGET_MS} ms`).toBeGreaterThanOrEqual(150);
    expect(problems, `seed ${SEED}: ${problems.length} bad answers`).toEqual([]);
    // The cases reached every layer: the parser, authentication, routing, validation and real runs.
    const seen = [...statuses.keys()].sort();
    expect(seen, `seed ${SEED}: statuses ${JSON.stringify([...statuses])}`).toEqual(
      expect.arrayContaining([200, 400, 401, 404]),
    );
  });
});
