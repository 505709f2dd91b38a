/**
 * Cash, the open trades (first in, first out) and the closed-trade records. Every fill goes through
 * here, so cash, position and records cannot disagree.
 */
import type { ExitReason, Trade } from '../types.js';
import { Guards } from './guards.js';
import type { Market } from './market.js';
import { OpenTrade } from './open-trade.js';
import type { Direction } from './pricing.js';
import { tradeRecord } from './records.js';

export class Ledger {
  cash: number;
  /** Signed quantity held: the sum over `book`, exactly 0 when it is empty. */
  position = 0;
  /** Open trades, oldest first; all on one side. */
  readonly book: OpenTrade[] = [];
  readonly trades: Trade[] = [];
  /** Bounds the bar loop checks before looking at single trades; kept current with `book`. */
  readonly guards = new Guards();
  private readonly fee: number;
  private readonly time: Float64Array;

  constructor(cash: number, fee: number, market: Market) {
    this.cash = cash;
    this.fee = fee;
    this.time = market.time;
  }

  /** +1 long, −1 short, 0 flat. */
  side(): -1 | 0 | 1 {
    return this.book.length === 0 ? 0 : this.book[0].side;
  }

  /** Equity with the open position marked at `price`. */
  equityAt(price: number): number {
    return this.cash + this.position * price;
  }

  /**
   * Opens a trade of `size` units at `fill` on bar `bar`, with the stop, target and trailing distances
   * of its signal bar (NaN = none).
   */
  open(
    side: Direction,
    size: number,
    fill: number,
    bar: number,
    stopLoss: number,
    takeProfit: number,
    trailingStop: number,
  ): void {
    this.cash -= side * size * fill + this.fee * size * fill;
    this.position += side * size;
    this.book.push(new OpenTrade(side, size, bar, this.time[bar], fill, stopLoss, takeProfit, trailingStop));
    this.guards.refresh(this.book);
  }

  /**
   * Books the exit of `size` units of `trade` at `fill` (cash, position, record). The caller removes
   * the trade from `book` or lowers its size.
   */
  exit(trade: OpenTrade, size: number, fill: number, bar: number, reason: ExitReason): void {
    this.cash += trade.side * size * fill - this.fee * size * fill;
    this.position -= trade.side * size;
    this.trades.push(tradeRecord(trade, size, bar, this.time[bar], fill, reason, this.fee));
  }

  /** Books the exit of all of `trade` and marks it closed (size 0) for `dropExited`. */
  exitWhole(trade: OpenTrade, fill: number, bar: number, reason: ExitReason): void {
    this.exit(trade, trade.size, fill, bar, reason);
    trade.size = 0;
  }

  /** Closes every open trade at `fill`, oldest first. */
  closeAll(fill: number, bar: number, reason: ExitReason): void {
    const book = this.book;
    for (let i = 0; i < book.length; i++) this.exit(book[i], book[i].size, fill, bar, reason);
    book.length = 0;
    this.position = 0;
    this.guards.refresh(book);
  }

  /** Closes `size` units first-in-first-out; a trade closed in part stays open with the rest. */
  reduce(size: number, fill: number, bar: number, reason: ExitReason): void {
    const book = this.book;
    let left = size;
    let closed = 0;
    // A relative slack so float noise in `size` does not leave a dust trade of 1e-15 units open.
    while (closed < book.length && left >= book[closed].size * (1 - 1e-12)) {
      left -= book[closed].size;
      this.exit(book[closed], book[closed].size, fill, bar, reason);
      closed++;
    }
    book.splice(0, closed);
    if (book.length === 0) {
      this.position = 0;
    } else if (left > book[0].size * 1e-12) {
      this.exit(book[0], left, fill, bar, reason);
      book[0].size -= left;
    }
    this.guards.refresh(book);
  }

  /** Drops from `book` the trades a stop pass closed whole (`exit` set their size to 0). */
  dropExited(): void {
    const book = this.book;
    let kept = 0;
    for (let i = 0; i < book.length; i++) if (book[i].size > 0) book[kept++] = book[i];
    book.length = kept;
    if (kept === 0) this.position = 0;
    this.guards.refresh(book);
  }
}

/** Direction of a fill that closes trades of `side`. */
export function closingDirection(side: Direction): Direction {
  return side === 1 ? -1 : 1;
}
