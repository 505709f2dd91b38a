/**
 * Runs an event-style strategy: calls `onBar(ctx)` for every bar in order and turns the calls into
 * the `position` target series plus per-bar `stop_loss`, `take_profit` and `trailing_stop` (only the
 * levels the strategy used), which the engine simulates like any vectorized output.
 */
import { type BarState, createBarContext, type InjectedData } from './bar-context.js';

/** Output of an onBar run, in the keys of CONTRACT.md section 1. */
export async function runOnBar(
  onBar: (ctx: object) => unknown,
  data: InjectedData,
  params: unknown,
  kernels: Record<string, unknown>,
): Promise<Record<string, Float64Array>> {
  const n = data.length;
  const state: BarState = {
    bar: 0,
    target: 0,
    stopLoss: Number.NaN,
    takeProfit: Number.NaN,
    trailingStop: Number.NaN,
    usedStopLoss: false,
    usedTakeProfit: false,
    usedTrailingStop: false,
  };
  const ctx = createBarContext(data, params, kernels, state);
  const position = new Float64Array(n);
  const stopLoss = new Float64Array(n);
  const takeProfit = new Float64Array(n);
  const trailingStop = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    state.bar = t;
    const returned = onBar(ctx) as { then?: unknown } | undefined;
    // Only an async onBar pays for awaiting; a plain one runs the loop without promises.
    if (typeof returned === 'object' && returned !== null && typeof returned.then === 'function') await returned;
    position[t] = state.target;
    stopLoss[t] = state.stopLoss;
    takeProfit[t] = state.takeProfit;
    trailingStop[t] = state.trailingStop;
  }
  const output: Record<string, Float64Array> = { position };
  if (state.usedStopLoss) output.stop_loss = stopLoss;
  if (state.usedTakeProfit) output.take_profit = takeProfit;
  if (state.usedTrailingStop) output.trailing_stop = trailingStop;
  return output;
}
