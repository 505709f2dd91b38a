/**
 * Exits at levels (CONTRACT.md section 2, steps 1, 3 and 5). Each trade has its own levels, so a
 * stop closes only its trade. Exit fills pay slippage like any other fill.
 */
import type { Ledger } from './ledger.js';
import { fillPrice } from './pricing.js';

/**
 * Step 1: a trade held into bar `k` whose effective stop or target the open has crossed exits at the
 * open, with the reason of the level it crossed.
 */
export function exitGaps(ledger: Ledger, k: number, open: number, slippage: number): void {
  const book = ledger.book;
  let exited = 0;
  for (let i = 0; i < book.length; i++) {
    const trade = book[i];
    const side = trade.side;
    // side × price turns the short's "at or above" into the long's "at or below".
    if (side * open <= side * trade.effectiveStop()) {
      ledger.exitWhole(trade, fillPrice(open, -side as 1 | -1, slippage), k, trade.stopReason());
      exited++;
    } else if (side * open >= side * trade.target) {
      ledger.exitWhole(trade, fillPrice(open, -side as 1 | -1, slippage), k, 'take_profit');
      exited++;
    }
  }
  if (exited > 0) ledger.dropExited();
}

/**
 * Step 3: a trade whose effective stop the bar's range reaches exits at that level; else one whose
 * target it reaches exits at the target. Both in one bar: the stop (pessimistic).
 */
export function exitIntrabar(ledger: Ledger, k: number, high: number, low: number, slippage: number): void {
  const book = ledger.book;
  let exited = 0;
  for (let i = 0; i < book.length; i++) {
    const trade = book[i];
    const side = trade.side;
    const stop = trade.effectiveStop();
    const adverse = side === 1 ? low : high;
    const favourable = side === 1 ? high : low;
    if (side * adverse <= side * stop) {
      ledger.exitWhole(trade, fillPrice(stop, -side as 1 | -1, slippage), k, trade.stopReason());
      exited++;
    } else if (side * favourable >= side * trade.target) {
      ledger.exitWhole(trade, fillPrice(trade.target, -side as 1 | -1, slippage), k, 'take_profit');
      exited++;
    }
  }
  if (exited > 0) ledger.dropExited();
}

/** Step 5: the bar's high (long) or low (short) enters each open trade's peak. */
export function trailPeaks(ledger: Ledger, high: number, low: number): void {
  const book = ledger.book;
  for (let i = 0; i < book.length; i++) book[i].takeInBar(high, low);
  ledger.guards.refresh(book);
}
