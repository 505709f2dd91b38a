/**
 * Step 2 for entries/exits outputs (CONTRACT.md section 2): the signals of bar k−1 act at open[k],
 * exits first, then entries; an entry against the held side is a reversal.
 */
import { valueAt } from '../output/normalized-output.js';
import { ENTRY_LONG, ENTRY_SHORT, EXIT_LONG, EXIT_SHORT } from '../output/signal-flags.js';
import { closingDirection } from './ledger.js';
import { type Direction, fillPrice, quantityFor, roundToLot } from './pricing.js';
import { signalRecord } from './records.js';
import { openFromSignal, type RunState } from './run-state.js';

/**
 * Acts on the signals of bar k−1. Conflicts are judged on the bar's raw signals and cancel only the
 * signals they name: entry+exit of one side cancel each other, a long and a short entry cancel
 * both entries. An exit while flat and an entry while already on that side do nothing.
 */
export function actOnSignals(run: RunState, k: number): void {
  const flags = run.output.active[k - 1];
  const el = flags & ENTRY_LONG;
  const xl = flags & EXIT_LONG;
  const es = flags & ENTRY_SHORT;
  const xs = flags & EXIT_SHORT;
  const held = run.ledger.side();
  if (xl && !el && held === 1) exitSide(run, k, 'exit_long');
  else if (xs && !es && held === -1) exitSide(run, k, 'exit_short');
  if (el && !xl && !es) enter(run, k, 1);
  else if (es && !xs && !el) enter(run, k, -1);
}

function exitSide(run: RunState, k: number, type: 'exit_long' | 'exit_short'): void {
  const ledger = run.ledger;
  const direction = closingDirection(ledger.side() as Direction);
  ledger.closeAll(fillPrice(run.market.open[k], direction, run.options.slippage), k, 'signal');
  run.signals.push(signalRecord(type, k - 1, run.market, false));
}

/** An entry: closes the opposite side (reversal), then sizes on the equity left at the fill. */
function enter(run: RunState, k: number, side: Direction): void {
  const ledger = run.ledger;
  const held = ledger.side();
  if (held === side) return;
  const { fee, slippage, lotSize } = run.options;
  // Closing the opposite side fills in the same direction as the entry, at the same price.
  const fill = fillPrice(run.market.open[k], side, slippage);
  if (held !== 0) ledger.closeAll(fill, k, 'reversal');
  const j = k - 1;
  const fraction = valueAt(run.output.size, j);
  const size = roundToLot(
    quantityFor(Number.isNaN(fraction) ? 1 : fraction, ledger.equityAt(fill), fill, fee),
    lotSize,
  );
  const skipped = !(size > 0);
  run.signals.push(signalRecord(side === 1 ? 'entry_long' : 'entry_short', j, run.market, skipped));
  if (!skipped) openFromSignal(run, side, size, fill, j);
}
