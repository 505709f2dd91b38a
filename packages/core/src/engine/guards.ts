/**
 * Price bounds that summarise the open trades for the bar loop: while a bar stays strictly inside
 * them no trade can exit and no trailing peak moves, so the loop skips the per-trade checks. Flat,
 * the bounds are ±∞ and nothing is ever checked. Recomputed whenever the book or a peak changes.
 */
import type { OpenTrade } from './open-trade.js';

export class Guards {
  /** A price at or below this reaches some trade's exit (a long's stop, a short's target). */
  exitBelow = Number.NEGATIVE_INFINITY;
  /** A price at or above this reaches some trade's exit (a long's target, a short's stop). */
  exitAbove = Number.POSITIVE_INFINITY;
  /** A high above this moves the peak of some trailing long. */
  peakAbove = Number.POSITIVE_INFINITY;
  /** A low below this moves the peak of some trailing short. */
  peakBelow = Number.NEGATIVE_INFINITY;

  refresh(book: readonly OpenTrade[]): void {
    let exitBelow = Number.NEGATIVE_INFINITY;
    let exitAbove = Number.POSITIVE_INFINITY;
    let peakAbove = Number.POSITIVE_INFINITY;
    let peakBelow = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < book.length; i++) {
      const trade = book[i];
      const stop = trade.effectiveStop();
      const trails = !Number.isNaN(trade.trailDistance);
      if (trade.side === 1) {
        if (stop > exitBelow) exitBelow = stop;
        if (trade.target < exitAbove) exitAbove = trade.target;
        if (trails && trade.peak < peakAbove) peakAbove = trade.peak;
      } else {
        if (stop < exitAbove) exitAbove = stop;
        if (trade.target > exitBelow) exitBelow = trade.target;
        if (trails && trade.peak > peakBelow) peakBelow = trade.peak;
      }
    }
    this.exitBelow = exitBelow;
    this.exitAbove = exitAbove;
    this.peakAbove = peakAbove;
    this.peakBelow = peakBelow;
  }
}
