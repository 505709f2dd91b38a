/** What `stratex serve` says at start: where it listens, what isolation protects, the key and a first request. */
import type { LocalServer } from '@stratex/local';

const PROTECTS: Record<LocalServer['isolation'], string> = {
  bwrap:
    'strategies run in a bubblewrap sandbox: no network, no host files, no secrets, hard CPU, memory and time limits',
  process:
    'NOT a security boundary: limits and a code validator only, a strategy that gets past the validator can read ' +
    "this user's files; run only strategies you trust; listening on loopback only",
};

/** A tiny SMA-cross in JavaScript, inline, so the first request needs no file. */
const FIRST_REQUEST = JSON.stringify({
  mode: 'BACKTEST',
  language: 'javascript',
  providerId: 'synthetic',
  symbol: 'BTC/USD',
  timeframe: '1h',
  startDate: '2022-01-01',
  endDate: '2022-03-01',
  code:
    'export function strategy(d){const f=indicators.sma(d.close,10),s=indicators.sma(d.close,30);' +
    'return {entries:indicators.crossAbove(f,s),exits:indicators.crossBelow(f,s)}}',
});

/** What the server is, as JSON (`--json`): the generated key only when this start made it. */
export function serveInfo(server: LocalServer) {
  return {
    url: server.url,
    host: server.host,
    port: server.port,
    isolation: server.isolation,
    protects: PROTECTS[server.isolation],
    apiKeySource: server.apiKey.source,
    ...(server.apiKey.generated === undefined ? {} : { apiKey: server.apiKey.generated }),
    ...(server.warning === undefined ? {} : { warning: server.warning }),
  };
}

/** A curl line that runs a first backtest (the key itself when known, else a placeholder). */
export function curlExample(server: LocalServer): string {
  const key = server.apiKey.generated ?? (server.apiKey.source === 'environment' ? '$STRATEX_API_KEY' : '<your key>');
  return `curl -s -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' -d '${FIRST_REQUEST}' ${server.url}/v1/executions`;
}

export function serveBanner(server: LocalServer): string {
  const lines = [
    `stratex serve: the HTTP API on ${server.url}`,
    `isolation: ${server.isolation} — ${PROTECTS[server.isolation]}`,
  ];
  if (server.warning !== undefined) lines.push(`warning: ${server.warning}`);
  if (server.apiKey.generated !== undefined) {
    lines.push(`API key (save it: it is not shown again): ${server.apiKey.generated}`);
  } else if (server.apiKey.source === 'environment') {
    lines.push('API key: the value of STRATEX_API_KEY');
  } else {
    lines.push(
      'API key: the one shown at the first start (only its SHA-256 is kept: delete api-key.sha256 under STRATEX_HOME for a new one)',
    );
  }
  lines.push('try it:', `  ${curlExample(server)}`);
  lines.push(`routes: ${server.url}/openapi.json · stop with Ctrl-C`, '');
  return lines.join('\n');
}
