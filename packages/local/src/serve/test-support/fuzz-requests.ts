/**
 * A seeded generator of malformed and hostile HTTP requests for the API: wrong types for every field of
 * the ExecutionRequest, missing and extra fields, huge strings, deep nesting, invalid UTF-8 and control
 * characters, other content types and methods, odd paths, bad Authorization headers, bad cursors and
 * limits. The same seed gives the same requests, so a failure can be replayed.
 */
import { seededRandom } from '../../../../../testing/seeded-random.mjs';

export interface FuzzRequest {
  /** What the case is, for the failure message. */
  name: string;
  method: string;
  /** Sent as is (already encoded): the server sees exactly these bytes of the request line. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const TINY_STRATEGY =
  'export function strategy(d) { return { entries: d.close.map(() => 0), exits: d.close.map(() => 0) }; }';

/** A valid small backtest (a week of hourly bars) that the mutations start from. */
export function validBody(): Record<string, unknown> {
  return {
    code: TINY_STRATEGY,
    language: 'javascript',
    providerId: 'synthetic',
    symbol: 'BTC/USD',
    timeframe: '1h',
    startDate: '2022-01-01',
    endDate: '2022-01-08',
    mode: 'BACKTEST',
  };
}

const FIELDS = [
  'strategyId',
  'code',
  'language',
  'providerId',
  'symbol',
  'timeframe',
  'startDate',
  'endDate',
  'mode',
  'parameters',
  'llmConfig',
  'warmup',
  'cash',
  'fee',
  'slippage',
  'lotSize',
  'limits',
  'seed',
];

function deepArray(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function deepObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** JSON texts of values of every type, some hostile. */
function oddValues(big: number): string[] {
  return [
    'null',
    'true',
    '0',
    '-1',
    '1e308',
    '-1e-308',
    '3.5',
    '""',
    '"   "',
    '"\\u0000"',
    '"\\ud800"',
    '"\\u001b[31mred"',
    '"../../etc/passwd"',
    '"%2e%2e%2f"',
    '"BACKTEST\\n"',
    JSON.stringify('x'.repeat(big)),
    JSON.stringify('é'.repeat(big / 2)),
    '[]',
    '[1,2,3]',
    '{}',
    '{"__proto__": {"polluted": 1}}',
    '{"constructor": {"prototype": {"polluted": 1}}}',
    deepArray(5000),
    deepObject(5000),
    deepObject(40),
    '{"timeoutMs": "1000"}',
    '{"timeoutMs": 1e308}',
    '{"memoryMb": -5}',
    '{"fast": 10, "slow": 30, "extra": [1, {"a": [2]}]}',
  ];
}

function bodyWith(field: string, valueJson: string): string {
  const rest = JSON.stringify({ ...validBody(), [field]: undefined });
  const members = rest.slice(1, -1);
  return `{${members}${members === '' ? '' : ','}${JSON.stringify(field)}:${valueJson}}`;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

type Make = (random: () => number, key: string) => FuzzRequest;

const post = (name: string, key: string, body: string | Buffer, contentType = 'application/json'): FuzzRequest => ({
  name,
  method: 'POST',
  path: '/v1/executions',
  headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
  body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
});

const get = (name: string, key: string | undefined, path: string): FuzzRequest => ({
  name,
  method: 'GET',
  path,
  headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
});

const wrongType: Make = (random, key) => {
  const field = pick(random, [...FIELDS, 'limits.timeoutMs', 'limits.memoryMb']);
  const value = pick(random, oddValues(200_000));
  if (field.startsWith('limits.')) {
    const inner = field.slice('limits.'.length);
    return post(`${field} = ${value.slice(0, 40)}`, key, bodyWith('limits', `{"${inner}":${value}}`));
  }
  return post(`${field} = ${value.slice(0, 40)}`, key, bodyWith(field, value));
};

const missing: Make = (random, key) => {
  const body = validBody();
  const dropped = Object.keys(body).filter(() => random() < 0.4);
  for (const field of dropped) delete body[field];
  return post(`missing ${dropped.join(',')}`, key, JSON.stringify(body));
};

const extra: Make = (random, key) => {
  const name = pick(random, ['start_date', '__proto__', 'constructor', 'userId', 'id', '', 'x'.repeat(5000), '\u0000']);
  return post(`extra field ${name.slice(0, 20)}`, key, bodyWith(name, pick(random, ['1', '"local"', '{}'])));
};

const hugeString: Make = (random, key) => {
  const field = pick(random, ['code', 'symbol', 'providerId', 'timeframe', 'strategyId', 'startDate', 'language']);
  const size = pick(random, [100_001, 600_000, 1_500_000, 2_500_000]);
  return post(`huge ${field} (${size})`, key, bodyWith(field, JSON.stringify('a'.repeat(size))));
};

const deepNesting: Make = (random, key) => {
  const depth = pick(random, [50, 1000, 100_000]);
  const shape = pick(random, ['body', 'parameters', 'llmConfig', 'parameters-object']);
  if (shape === 'body') return post(`deep body ${depth}`, key, deepArray(depth));
  const value = shape === 'parameters-object' ? `{"p":${deepObject(depth)}}` : deepObject(depth);
  return post(`deep ${shape} ${depth}`, key, bodyWith(shape === 'llmConfig' ? 'llmConfig' : 'parameters', value));
};

const badBytes: Make = (random, key) => {
  const good = Buffer.from(JSON.stringify(validBody()), 'utf8');
  const at = 1 + Math.floor(random() * (good.length - 2));
  const junk = pick(random, [
    Buffer.from([0xff, 0xfe]),
    Buffer.from([0xc3]),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from([0x00]),
    Buffer.from([0x1b, 0x5b, 0x32, 0x4a]),
    Buffer.from('\u2028\u2029', 'utf8'),
  ]);
  return post(
    `bytes ${junk.toString('hex')} at ${at}`,
    key,
    Buffer.concat([good.subarray(0, at), junk, good.subarray(at)]),
  );
};

const controlInCode: Make = (random, key) => {
  const code = pick(random, [
    `${TINY_STRATEGY}\u0000`,
    `\u0000${TINY_STRATEGY}`,
    `${TINY_STRATEGY}\u001b[2J`,
    '\ud800',
  ]);
  const language = pick(random, ['javascript', 'typescript', 'python']);
  return post(`control chars in ${language} code`, key, JSON.stringify({ ...validBody(), code, language }));
};

/** Set by the test in the server's environment: no answer may carry its value. */
export const CANARY_NAME = 'STRATEX_FUZZ_CANARY';

const HOSTILE_CODE: Array<[string, string]> = [
  ['javascript', `export function strategy(d) { return { entries: [process.env.${CANARY_NAME}], exits: [] }; }`],
  ['javascript', "export function strategy(d) { return globalThis.constructor.constructor('return process')().env; }"],
  [
    'javascript',
    "import fs from 'node:fs';\nexport function strategy(d) { throw new Error(fs.readFileSync('/proc/self/environ', 'utf8')); }",
  ],
  ['javascript', "export function strategy(d) { JSON.parse('{'); }"],
  ['javascript', 'export function strategy(d) { return null.x; }'],
  ['javascript', 'export function strategy(d) { throw new Error(new Error("x").stack); }'],
  ['typescript', 'export function strategy(d: any): any { const e: any = new Error("t"); throw e.stack; }'],
  ['python', 'import os\ndef strategy(data, params):\n    raise Exception(str(os.environ))\n'],
  ['python', "def strategy(data, params):\n    return open('/proc/self/environ').read()\n"],
  ['python', "def strategy(data, params):\n    import json\n    json.loads('{')\n"],
  ['python', 'def strategy(data, params):\n    raise Exception(str(data.__class__.__mro__))\n'],
  ['python', "def strategy(data, params):\n    return __import__('os').environ\n"],
  ['python', 'def strategy(data, params):\n    1 / 0\n'],
];

const hostileCode: Make = (random, key) => {
  const [language, code] = pick(random, HOSTILE_CODE);
  return post(`hostile ${language}: ${code.slice(0, 50)}`, key, JSON.stringify({ ...validBody(), language, code }));
};

const contentType: Make = (random, key) => {
  const type = pick(random, [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    '',
    'application/json; charset=latin1',
  ]);
  const body = pick(random, [JSON.stringify(validBody()), 'a=1&b=2', '<x/>', '--x\r\n\r\n--x--', '']);
  return post(`content-type "${type}" body ${body.slice(0, 10)}`, key, body, type);
};

const wrongMethod: Make = (random, key) => {
  const method = pick(random, ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'post', 'GET']);
  const path = pick(random, ['/v1/executions', '/v1/executions/exe_abc', '/health', '/openapi.json', '/v1']);
  const request: FuzzRequest = { name: `${method} ${path}`, method, path, headers: { authorization: `Bearer ${key}` } };
  if (random() < 0.5) request.body = Buffer.from(JSON.stringify(validBody()));
  return request;
};

const oddPath: Make = (random, key) => {
  const path = pick(random, [
    '/v1/executions/..%2F..%2Fhealth',
    '/v1/executions/%2e%2e',
    '/v1/executions/..',
    '/v1/executions/../executions',
    '/v1/../health',
    '/v1//executions',
    '//v1/executions',
    '/v1/executions/',
    '/V1/EXECUTIONS',
    `/v1/executions/exe_${'a'.repeat(5000)}`,
    `/v1/executions/${'x'.repeat(7000)}`,
    '/v1/executions/exe_%00',
    '/v1/executions/exe_%ZZ',
    '/v1/executions/exe_%E0%A4%A',
    '/v1/executions/%F0%9F%92%A9',
    '/v1/executions/exe_abc%2Fresult.json',
    '/v1/executions/exe_abc/result.json',
    '/v1/executions?limit=5&limit=500',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/openapi.json/../v1/executions',
    '/health?x=%ZZ',
    `/v1/executions?${'a=1&'.repeat(1500)}`,
  ]);
  return get(`path ${path.slice(0, 60)}`, random() < 0.8 ? key : undefined, path);
};

const badAuth: Make = (random, key) => {
  const authorization = pick(random, [
    '',
    'Bearer',
    'Bearer ',
    `bearer ${key}`,
    `Bearer  ${key}  `,
    `Bearer ${key} extra`,
    `Bearer ${key}x`,
    `Bearer ${key.slice(0, -1)}`,
    `Basic ${Buffer.from(`user:${key}`).toString('base64')}`,
    key,
    `Bearer ${'k'.repeat(8000)}`,
    'Bearer sx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'Bearer \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9',
  ]);
  const path = pick(random, ['/v1/executions', '/v1/executions/exe_abc', '/v1/nope']);
  const request = get(`authorization "${authorization.slice(0, 30)}" on ${path}`, undefined, path);
  if (authorization !== '') request.headers.authorization = authorization;
  if (random() < 0.3) {
    request.method = 'POST';
    request.body = Buffer.from(JSON.stringify(validBody()));
    request.headers['content-type'] = 'application/json';
  }
  return request;
};

const badListing: Make = (random, key) => {
  const query = pick(random, [
    'limit=0',
    'limit=-1',
    'limit=101',
    'limit=1e2',
    'limit=%20%205',
    'limit=',
    'limit=9999999999999999999999',
    'limit=0x10',
    'cursor=',
    'cursor=%%%',
    'cursor=AAAA',
    `cursor=${Buffer.from('exe_zzzzzzzzzzzzzzzzzzzz').toString('base64url')}`,
    `cursor=${Buffer.from('user#bob').toString('base64url')}`,
    `cursor=${Buffer.from('exe_../../x').toString('base64url')}`,
    `cursor=${'A'.repeat(5000)}`,
    'cursor=ZXhlXzA%3D',
    'cursor[]=1',
    'limit=5&cursor=%00',
  ]);
  return get(`listing ?${query.slice(0, 40)}`, key, `/v1/executions?${query}`);
};

const MAKERS: Make[] = [
  wrongType,
  wrongType,
  wrongType,
  missing,
  extra,
  hugeString,
  deepNesting,
  badBytes,
  controlInCode,
  hostileCode,
  contentType,
  wrongMethod,
  oddPath,
  oddPath,
  badAuth,
  badAuth,
  badListing,
];

/** `count` requests from `seed`, each authenticated with `key` unless the case is about authentication. */
export function fuzzRequests(seed: number, count: number, key: string): FuzzRequest[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => pick(random, MAKERS)(random, key));
}
