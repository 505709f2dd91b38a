/**
 * Step 2 for `position` outputs (CONTRACT.md section 2, "position targets"): when the target of bar
 * k−1 differs from the bar before, the engine trades at open[k] towards
 * q* = target × equity / (fill × (1 + fee)).
 */
import type { SignalType } from '../types.js';
import { closingDirection } from './ledger.js';
import { type Direction, fillPrice, quantityFor, roundToLot } from './pricing.js';
import { signalRecord } from './records.js';
import { openFromSignal, type RunState } from './run-state.js';

/** Acts on the target of bar k−1 if it changed; NaN holds the target of the bar before. */
export function followTarget(run: RunState, k: number): void {
  const raw = run.output.position![k - 1];
  if (Number.isNaN(raw) || raw === run.targetBefore) return;
  run.targetBefore = raw;
  moveTo(run, k, raw);
}

/**
 * The direction comes from q* − q at the open price; the fill is that direction's price, and q* is
 * recomputed there. A change that trades nothing because the position is already there (flat after
 * a stop, target 0) is not listed.
 */
function moveTo(run: RunState, k: number, target: number): void {
  const { ledger, market } = run;
  const open = market.open[k];
  const held = ledger.position;
  const aim = quantityFor(target, ledger.equityAt(open), open, run.options.fee);
  if (aim === held) return;
  const direction: Direction = aim > held ? 1 : -1;
  const fill = fillPrice(open, direction, run.options.slippage);
  const side = ledger.side();
  if (target === 0) {
    ledger.closeAll(fill, k, 'signal');
    run.signals.push(signalRecord(side === 1 ? 'exit_long' : 'exit_short', k - 1, market, false));
    return;
  }
  const newSide: Direction = target > 0 ? 1 : -1;
  if (side === newSide) resize(run, k, target, fill, direction);
  else enterSide(run, k, target, fill, newSide);
}

/** Flat (or a sign change, after closing the held side with reason `reversal`) to a new side. */
function enterSide(run: RunState, k: number, target: number, fill: number, side: Direction): void {
  const { ledger, options } = run;
  if (ledger.side() !== 0) ledger.closeAll(fill, k, 'reversal');
  // Sized on the cash after that close: the position is flat now.
  const size = roundToLot(quantityFor(Math.abs(target), ledger.cash, fill, options.fee), options.lotSize);
  const skipped = !(size > 0);
  listSignal(run, k, side === 1 ? 'entry_long' : 'entry_short', skipped);
  if (!skipped) openFromSignal(run, side, size, fill, k - 1);
}

/**
 * A same-sign change: buys more as a further trade with its own levels, or closes the difference
 * first-in-first-out. One whose rounded quantity trades nothing in the direction it set out in is
 * listed as skipped for size.
 */
function resize(run: RunState, k: number, target: number, fill: number, direction: Direction): void {
  const { ledger, options } = run;
  const side = ledger.side() as Direction;
  const equity = ledger.equityAt(fill);
  const held = side * ledger.position;
  const wanted =
    equity > 0 ? roundToLot(quantityFor(Math.abs(target), equity, fill, options.fee), options.lotSize) : held;
  const change = wanted - held;
  const trades = change !== 0 && (change > 0 ? side : closingDirection(side)) === direction;
  listSignal(run, k, 'resize', !trades);
  if (!trades) return;
  if (change > 0) openFromSignal(run, side, change, fill, k - 1);
  else ledger.reduce(-change, fill, k, 'signal');
}

function listSignal(run: RunState, k: number, type: SignalType, skipped: boolean): void {
  run.signals.push(signalRecord(type, k - 1, run.market, skipped));
}
