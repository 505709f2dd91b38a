/**
 * Builds a ccxt client for one exchange. ccxt is large, so it is imported here, on first use, and never
 * by what a csv or synthetic run loads.
 */
import type { ProviderKeys } from '@stratex/core';
import type { ExchangeProfile } from './exchange-profiles.js';

/** One market as ccxt describes it (the fields stratex reads). */
export interface CcxtMarket {
  id: string;
  symbol: string;
  base: string;
  quote: string;
  spot?: boolean;
  active?: boolean;
}

/** The part of a ccxt exchange stratex uses. */
export interface CcxtExchange {
  markets: Record<string, CcxtMarket>;
  timeframes: Record<string, unknown>;
  urls: { api: unknown };
  loadMarkets(): Promise<unknown>;
  fetchOHLCV(
    symbol: string,
    timeframe: string,
    since?: number,
    limit?: number,
    params?: Record<string, unknown>,
  ): Promise<unknown[][]>;
  request(...args: unknown[]): Promise<unknown>;
  handleRestResponse(response: { status: number }, ...rest: unknown[]): Promise<unknown>;
}

/** ccxt's error classes that tell a passing failure from a permanent one. */
export interface CcxtErrors {
  BaseError: new (...args: never[]) => Error;
  NetworkError: new (...args: never[]) => Error;
  AuthenticationError: new (...args: never[]) => Error;
  PermissionDenied: new (...args: never[]) => Error;
  BadSymbol: new (...args: never[]) => Error;
}

export interface LoadedExchange {
  exchange: CcxtExchange;
  errors: CcxtErrors;
}

export interface LoadExchangeOptions {
  keys?: ProviderKeys;
  /** Replaces the exchange's API base URLs (`urls.api`), e.g. fakes on 127.0.0.1 in tests. */
  urls?: Record<string, string>;
  /** Minimum ms between requests for ccxt's rate limiter (default: ccxt's figure for the exchange). */
  rateLimitMs?: number;
}

/** Thrown when an exchange answers 2xx with a body that is not JSON (ccxt would hand back the raw text). */
export class MalformedAnswer extends Error {}

/** ccxt's error for an HTTP answer, with the status it came with (ccxt's own classes do not keep it). */
export class HttpFailure extends Error {
  readonly status: number;
  readonly original: unknown;

  constructor(status: number, original: unknown) {
    super(original instanceof Error ? original.message : String(original));
    this.status = status;
    this.original = original;
  }
}

/** A ccxt client with rate limiting on, the user's keys if any, and non-JSON answers turned into errors. */
export async function loadExchange(profile: ExchangeProfile, options: LoadExchangeOptions): Promise<LoadedExchange> {
  const ccxt = (await import('ccxt')).default as unknown as Record<string, unknown> & CcxtErrors;
  const Exchange = ccxt[profile.id] as new (config: Record<string, unknown>) => CcxtExchange;
  const exchange = new Exchange({
    enableRateLimit: true,
    ...(options.rateLimitMs === undefined ? {} : { rateLimit: options.rateLimitMs }),
    ...(options.keys === undefined ? {} : keyConfig(options.keys)),
    options: profile.ccxtOptions,
  });
  if (options.urls !== undefined) exchange.urls.api = { ...options.urls };
  const handle = exchange.handleRestResponse.bind(exchange);
  exchange.handleRestResponse = (response, ...rest) =>
    handle(response, ...rest).catch((err: unknown) => {
      throw new HttpFailure(response.status, err);
    });
  const request = exchange.request.bind(exchange);
  exchange.request = async (...args: unknown[]) => {
    const answer = await request(...args);
    if (typeof answer === 'string') throw new MalformedAnswer('the answer is not JSON');
    return answer;
  };
  return { exchange, errors: ccxt };
}

function keyConfig(keys: ProviderKeys): Record<string, string> {
  return {
    apiKey: keys.apiKey,
    secret: keys.secret,
    ...(keys.passphrase === undefined ? {} : { password: keys.passphrase }),
  };
}
