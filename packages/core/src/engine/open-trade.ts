/**
 * One open trade and its exit levels (CONTRACT.md section 2, "Levels"): frozen from the signal bar's
 * distances and the entry fill price; the trailing level follows the peak from the bar after it.
 */
import type { Direction } from './pricing.js';

export class OpenTrade {
  readonly side: Direction;
  /** Quantity still open (> 0); a partial close lowers it. */
  size: number;
  readonly entryBar: number;
  readonly entryTime: number;
  /** Fill price, slippage included. */
  readonly entryPrice: number;
  /** Stop-loss level; −∞ (long) / +∞ (short) when none, so comparisons need no NaN test. */
  readonly stop: number;
  /** Take-profit level; +∞ (long) / −∞ (short) when none. */
  readonly target: number;
  /** Trailing distance as a fraction, NaN when none. */
  readonly trailDistance: number;
  /** Long: max of entry price and highs; short: min of entry price and lows. */
  peak: number;
  /** Trailing level from `peak`; ±∞ like `stop` when none. */
  trail: number;

  constructor(
    side: Direction,
    size: number,
    entryBar: number,
    entryTime: number,
    entryPrice: number,
    stopLoss: number,
    takeProfit: number,
    trailingStop: number,
  ) {
    this.side = side;
    this.size = size;
    this.entryBar = entryBar;
    this.entryTime = entryTime;
    this.entryPrice = entryPrice;
    const none = side === 1 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    this.stop = Number.isNaN(stopLoss) ? none : entryPrice * (1 - side * stopLoss);
    this.target = Number.isNaN(takeProfit) ? -none : entryPrice * (1 + side * takeProfit);
    this.trailDistance = trailingStop;
    this.peak = entryPrice;
    this.trail = Number.isNaN(trailingStop) ? none : entryPrice * (1 - side * trailingStop);
  }

  /** The effective stop: the tighter of stop-loss and trailing level. */
  effectiveStop(): number {
    return this.side === 1 ? Math.max(this.stop, this.trail) : Math.min(this.stop, this.trail);
  }

  /** The reason an exit at the effective stop gets: trailing only when strictly tighter (a tie is stop_loss). */
  stopReason(): 'stop_loss' | 'trailing_stop' {
    return (this.side === 1 ? this.trail > this.stop : this.trail < this.stop) ? 'trailing_stop' : 'stop_loss';
  }

  /** Step 5: the bar's extreme enters the peak, moving the trailing level from the next bar on. */
  takeInBar(high: number, low: number): void {
    if (Number.isNaN(this.trailDistance)) return;
    if (this.side === 1) {
      if (high > this.peak) {
        this.peak = high;
        this.trail = high * (1 - this.trailDistance);
      }
    } else if (low < this.peak) {
      this.peak = low;
      this.trail = low * (1 + this.trailDistance);
    }
  }
}
