/** Trade and signal records (CONTRACT.md section 2, "Records"), with the field order of the contract. */
import type { ExitReason, SignalRecord, SignalType, Trade } from '../types.js';
import type { Market } from './market.js';
import type { OpenTrade } from './open-trade.js';

/**
 * The record of `size` units of `trade` closed at `exitPrice`. Its fees are the entry fee of its own
 * size plus the exit fee, so a trade split by partial closes gives records whose fees add up.
 */
export function tradeRecord(
  trade: OpenTrade,
  size: number,
  exitBar: number,
  exitTime: number,
  exitPrice: number,
  exitReason: ExitReason,
  fee: number,
): Trade {
  const entryPrice = trade.entryPrice;
  const fees = fee * size * entryPrice + fee * size * exitPrice;
  return {
    side: trade.side === 1 ? 'long' : 'short',
    entryBar: trade.entryBar,
    entryTime: trade.entryTime,
    entryPrice,
    exitBar,
    exitTime,
    exitPrice,
    size,
    fees,
    pnl: trade.side * size * (exitPrice - entryPrice) - fees,
    returnPct: (trade.side * (exitPrice / entryPrice - 1) - fees / (size * entryPrice)) * 100,
    exitReason,
  };
}

/** The record of a signal of bar `bar`, priced at that bar's close. */
export function signalRecord(type: SignalType, bar: number, market: Market, skipped: boolean): SignalRecord {
  const record: SignalRecord = { type, bar, time: market.time[bar], price: market.close[bar] };
  if (skipped) record.skipped = 'size';
  return record;
}
