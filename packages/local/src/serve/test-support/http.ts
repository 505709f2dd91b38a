/** Requests to a server over real HTTP, with or without a key. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../../../testing/shared-data.js';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: the expectations check the body field by field
  body: any;
}

export async function http(
  base: string,
  path: string,
  options: { key?: string; method?: string; json?: unknown; body?: string } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  const body = options.json === undefined ? options.body : JSON.stringify(options.json);
  const response = await fetch(`${base}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** Polls GET /v1/executions/{id} until the run ended. */
export async function pollResult(base: string, key: string, id: string, timeoutMs = 60_000): Promise<HttpAnswer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await http(base, `/v1/executions/${id}`, { key });
    if (answer.body?.status === 'succeeded' || answer.body?.status === 'failed') return answer;
    if (Date.now() > deadline) throw new Error(`execution ${id} still ${answer.body?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * examples/sma_cross.js as a BACKTEST request on synthetic hourly bars from `startDate` to `endDate`
 * (a year by default: long enough to still be running when a test looks), with a 30 s timeout.
 */
export function smaCrossBody(startDate = '2021-01-01', endDate = '2022-01-01'): Record<string, unknown> {
  return {
    code: readFileSync(join(repoRoot, 'examples/sma_cross.js'), 'utf8'),
    language: 'javascript',
    providerId: 'synthetic',
    symbol: 'BTC/USD',
    timeframe: '1h',
    startDate,
    endDate,
    mode: 'BACKTEST',
    limits: { timeoutMs: 30_000 },
  };
}
