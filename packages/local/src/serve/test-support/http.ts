/** Requests to a server over real HTTP, with or without a key. */

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
