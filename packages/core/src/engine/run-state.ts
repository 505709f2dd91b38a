/** What every step of one simulation reads and writes. */
import { type NormalizedOutput, valueAt } from '../output/normalized-output.js';
import type { SignalRecord, SimulationOptions } from '../types.js';
import type { Ledger } from './ledger.js';
import type { Market } from './market.js';

export class RunState {
  readonly signals: SignalRecord[] = [];
  /** `position` mode: the target of the bar before (0 before bar 0; NaN bars hold it). */
  targetBefore = 0;

  constructor(
    readonly market: Market,
    readonly output: NormalizedOutput,
    readonly options: SimulationOptions,
    readonly ledger: Ledger,
  ) {}
}

/** Opens a trade from signal bar `j` at bar `j + 1` with the levels of bar `j`. */
export function openFromSignal(run: RunState, side: 1 | -1, size: number, fill: number, j: number): void {
  const out = run.output;
  const stopLoss = valueAt(out.stopLoss, j);
  run.ledger.open(side, size, fill, j + 1, stopLoss, valueAt(out.takeProfit, j), valueAt(out.trailingStop, j));
}
