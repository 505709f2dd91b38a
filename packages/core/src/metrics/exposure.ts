import type { Trade } from '../types.js';

/**
 * Exposure time in percent, as backtesting.py: the share of bars during which a trade was open,
 * counting each trade from its entry bar to its exit bar, both included, and overlapping trades
 * once. It counts bars, not clock time, so a gap in the data does not weigh. NaN with no bars.
 */
export function exposurePct(trades: readonly Trade[], bars: number): number {
  if (bars === 0) return Number.NaN;
  let covered = 0;
  let coveredTo = -1;
  for (const k of byEntryBar(trades)) {
    const from = Math.max(trades[k].entryBar, coveredTo + 1, 0);
    const to = Math.min(trades[k].exitBar, bars - 1);
    if (to >= from) covered += to - from + 1;
    if (to > coveredTo) coveredTo = to;
  }
  return (covered / bars) * 100;
}

/** Indices of the trades in entry order; records usually come in it already, so sort only if not. */
function byEntryBar(trades: readonly Trade[]): Uint32Array {
  const order = new Uint32Array(trades.length);
  let sorted = true;
  for (let k = 0; k < trades.length; k++) {
    order[k] = k;
    if (k > 0 && trades[k].entryBar < trades[k - 1].entryBar) sorted = false;
  }
  if (!sorted) order.sort((a, b) => trades[a].entryBar - trades[b].entryBar);
  return order;
}
