/** What every step of one simulation reads and writes. */
import type { NormalizedOutput } from '../output/normalized-output.js';
import type { SignalRecord, SimulationOptions } from '../types.js';
import type { Ledger } from './ledger.js';
import type { Market } from './market.js';

export interface RunState {
  readonly market: Market;
  readonly output: NormalizedOutput;
  readonly options: SimulationOptions;
  readonly ledger: Ledger;
  readonly signals: SignalRecord[];
}

/** Opens a trade from signal bar `j` at bar `j + 1` with the levels of bar `j`. */
export function openFromSignal(run: RunState, side: 1 | -1, size: number, fill: number, j: number): void {
  const out = run.output;
  run.ledger.open(side, size, fill, j + 1, out.stopLoss[j], out.takeProfit[j], out.trailingStop[j]);
}
