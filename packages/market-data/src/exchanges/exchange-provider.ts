/**
 * A CandleProvider for one exchange through ccxt: markets and timeframes checked first, the range paged
 * through with ccxt's rate limiter and retries, closed bars only, then the run's window picked out.
 */
import {
  type CandleProvider,
  type CandleQuery,
  type CandleSet,
  type Clock,
  type KeyVault,
  type ProviderKeys,
  StratexError,
} from '@stratex/core';
import { selectWindow } from '../select-window.js';
import { parseTimeframe } from '../timeframe.js';
import { checkExchangeTimeframe, resolveSymbol } from './check-market.js';
import { EXCHANGE_PROFILES, type ExchangeId, type ExchangeProfile } from './exchange-profiles.js';
import { fetchBars } from './fetch-bars.js';
import { type LoadedExchange, loadExchange } from './load-exchange.js';
import { isTransient, toProviderError } from './provider-errors.js';
import { type RetryOptions, retryPolicy, withRetry } from './retry.js';

export interface ExchangeProviderOptions {
  id: ExchangeId;
  clock: Clock;
  /** Where keys come from for exchanges that need them (Alpaca). */
  keyVault?: KeyVault;
  /** Replaces the exchange's API base URLs (tests: fakes on 127.0.0.1). */
  urls?: Record<string, string>;
  retry?: RetryOptions;
  /** Bars per request, at most the exchange's maximum (tests use small pages). */
  pageLimit?: number;
  /** Minimum ms between requests (default: ccxt's figure for the exchange). */
  rateLimitMs?: number;
}

/** The provider for `options.id`; ccxt is loaded and markets are fetched on the first query. */
export function createExchangeProvider(options: ExchangeProviderOptions): CandleProvider {
  const profile = EXCHANGE_PROFILES[options.id];
  const policy = retryPolicy(options.retry);
  let session: Promise<LoadedExchange> | undefined;
  return {
    async candles(query: CandleQuery): Promise<CandleSet> {
      const timeframeMs = parseTimeframe(query.timeframe);
      const now = options.clock.now();
      // Checked before any request, so a range Kraken cannot serve fails at once, offline too.
      const { start, end } = fetchWindow(profile, query, timeframeMs, now);
      const keys = profile.needsKeys ? await requireKeys(profile, options.keyVault) : undefined;
      let loaded: LoadedExchange | undefined;
      try {
        session ??= openSession(profile, options, keys, policy);
        loaded = await session.catch((err) => {
          session = undefined;
          throw err;
        });
        const { exchange, errors } = loaded;
        checkExchangeTimeframe(exchange, profile, query.timeframe);
        const symbol = resolveSymbol(exchange, profile, query.symbol);
        const pageLimit = Math.min(options.pageLimit ?? profile.pageLimit, profile.pageLimit);
        const call = <T>(attempt: () => Promise<T>) => withRetry(attempt, (err) => isTransient(errors, err), policy);
        const range = { symbol, timeframe: query.timeframe, timeframeMs, start, end, pageLimit };
        const series = await fetchBars(exchange, profile, range, call);
        return selectWindow(series, query, timeframeMs, now);
      } catch (err) {
        throw toProviderError(err, profile, loaded?.errors ?? (await ccxtErrors()), keys, policy.retries + 1);
      }
    },
  };
}

async function openSession(
  profile: ExchangeProfile,
  options: ExchangeProviderOptions,
  keys: ProviderKeys | undefined,
  policy: ReturnType<typeof retryPolicy>,
): Promise<LoadedExchange> {
  const loaded = await loadExchange(profile, {
    ...(keys === undefined ? {} : { keys }),
    ...(options.urls === undefined ? {} : { urls: options.urls }),
    ...(options.rateLimitMs === undefined ? {} : { rateLimitMs: options.rateLimitMs }),
  });
  await withRetry(
    () => loaded.exchange.loadMarkets(),
    (err) => isTransient(loaded.errors, err),
    policy,
  );
  return loaded;
}

/** ccxt's error classes for classifying a failure that happened before a session existed. */
async function ccxtErrors(): Promise<LoadedExchange['errors'] | undefined> {
  try {
    return (await import('ccxt')).default as unknown as LoadedExchange['errors'];
  } catch {
    return undefined;
  }
}

async function requireKeys(profile: ExchangeProfile, vault: KeyVault | undefined): Promise<ProviderKeys> {
  const keys = await vault?.get(profile.id);
  if (keys !== undefined) return keys;
  throw new StratexError(
    'DATA_UNAVAILABLE',
    `${profile.name} needs API keys for market data: store them with \`stratex keys set ${profile.id}\``,
    { provider: profile.id },
  );
}

/**
 * Open times to fetch: warm-up included, up to the last closed bar. Kraken serves only its latest 720
 * bars, so a start before those is `DATA_UNAVAILABLE` pointing at `stratex data import`.
 */
function fetchWindow(
  profile: ExchangeProfile,
  query: CandleQuery,
  timeframeMs: number,
  now: number,
): { start: number; end: number } {
  const end = Math.min(query.to, now - timeframeMs + 1);
  let start = query.from - query.warmupBars * timeframeMs;
  if (profile.historyBars !== undefined) {
    const earliest = Math.floor(now / timeframeMs) * timeframeMs - (profile.historyBars - 1) * timeframeMs;
    if (query.from < earliest) throw beyondHistory(profile, query, earliest);
    start = Math.max(start, earliest);
  }
  return { start, end };
}

function beyondHistory(profile: ExchangeProfile, query: CandleQuery, earliest: number): StratexError {
  return new StratexError(
    'DATA_UNAVAILABLE',
    `${profile.name}'s OHLC endpoint serves only the latest ${profile.historyBars} ${query.timeframe} bars ` +
      `(from ${new Date(earliest).toISOString()}); for older history download Kraken's OHLCVT files and load ` +
      `them with \`stratex data import <file.csv> --provider ${profile.id} --symbol ${query.symbol} --timeframe ${query.timeframe}\``,
    { provider: profile.id, earliest },
  );
}
