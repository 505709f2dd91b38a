/** Symbol and timeframe checks against an exchange's own markets and timeframes, with hints that map symbols. */
import { StratexError } from '@stratex/core';
import type { ExchangeProfile } from './exchange-profiles.js';
import type { CcxtExchange, CcxtMarket } from './load-exchange.js';

/** `INVALID_REQUEST` listing the exchange's timeframes when it has no bars of `timeframe`. */
export function checkExchangeTimeframe(exchange: CcxtExchange, profile: ExchangeProfile, timeframe: string): void {
  const supported = Object.keys(exchange.timeframes);
  if (supported.includes(timeframe)) return;
  throw new StratexError(
    'INVALID_REQUEST',
    `${profile.name} has no ${timeframe} bars; use one of ${supported.join(', ')}`,
    { field: 'timeframe', provider: profile.id },
  );
}

/** ccxt's symbol of the market the user named (`btc/usd` and `XBT/USD` are `BTC/USD`). */
export function resolveSymbol(exchange: CcxtExchange, profile: ExchangeProfile, symbol: string): string {
  const wanted = symbol
    .trim()
    .toUpperCase()
    .replace(/^XBT\//, 'BTC/')
    .replace(/\/XBT$/, '/BTC');
  if (exchange.markets[wanted] !== undefined) return wanted;
  throw new StratexError('INVALID_REQUEST', notAMarket(exchange, profile, symbol, wanted), {
    field: 'symbol',
    provider: profile.id,
  });
}

function notAMarket(exchange: CcxtExchange, profile: ExchangeProfile, symbol: string, wanted: string): string {
  const markets = Object.values(exchange.markets);
  if (!wanted.includes('/')) {
    const byId = markets.find((market) => market.id.toUpperCase() === wanted.replace(/[-_]/g, ''));
    const example = byId === undefined ? 'BTC/USD' : byId.symbol;
    return `${symbol} is not a market on ${profile.id}: write symbols as BASE/QUOTE, e.g. ${example}`;
  }
  const suggestions = suggest(markets, profile, wanted);
  if (suggestions.length === 0) {
    return `${symbol} is not a market on ${profile.id}, nor is any other ${wanted.split('/')[0]} pair`;
  }
  return `${symbol} is not a market on ${profile.id}; did you mean ${suggestions.join(' or ')}?`;
}

/** Markets of the same base, the exchange's usual quote currencies first (BTC/USD on Binance → BTC/USDT). */
function suggest(markets: CcxtMarket[], profile: ExchangeProfile, wanted: string): string[] {
  const [base] = wanted.split('/');
  const sameBase = markets.filter((market) => market.base === base && market.spot !== false);
  const rank = (market: CcxtMarket) => {
    const usual = profile.usualQuotes.indexOf(market.quote);
    return usual === -1 ? profile.usualQuotes.length : usual;
  };
  return sameBase
    .sort((a, b) => rank(a) - rank(b) || a.symbol.localeCompare(b.symbol))
    .slice(0, 3)
    .map((market) => market.symbol);
}
