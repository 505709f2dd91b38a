/**
 * Warm-up (CONTRACT.md section 2, "Data"): the strategy sees N extra bars before `from`, but every
 * signal of those bars — the last one too — is dropped, so the engine sees only the counted bars.
 */
import { StratexError } from '../errors.js';
import { brandNormalized, type NormalizedOutput } from './normalized-output.js';

/**
 * The output for the counted bars only: the first `warmupBars` values of every per-bar array dropped
 * (views, not copies). A `position` target of a warm-up bar is dropped too, so the target before the
 * first counted bar is 0 and a NaN there holds that 0.
 */
export function dropWarmup(output: NormalizedOutput, warmupBars: number): NormalizedOutput {
  if (!Number.isInteger(warmupBars) || warmupBars < 0 || warmupBars > output.bars) {
    throw new StratexError('INVALID_REQUEST', `warm-up must be a whole number of bars in [0, ${output.bars}]`, {
      warmup: warmupBars,
    });
  }
  if (warmupBars === 0) return output;
  const cut = (a: Float64Array) => a.subarray(warmupBars);
  // A one-value level series applies to every bar (see valueAt): nothing to drop.
  const cutLevel = (a: Float64Array) => (a.length === 1 ? a : a.subarray(warmupBars));
  const indicators: Record<string, Float64Array> = {};
  for (const [name, series] of Object.entries(output.indicators)) indicators[name] = cut(series);
  return brandNormalized({
    bars: output.bars - warmupBars,
    mode: output.mode,
    entries: output.entries.subarray(warmupBars),
    exits: output.exits.subarray(warmupBars),
    shortEntries: output.shortEntries.subarray(warmupBars),
    shortExits: output.shortExits.subarray(warmupBars),
    position: output.position === null ? null : cut(output.position),
    active: output.active.subarray(warmupBars),
    size: cutLevel(output.size),
    stopLoss: cutLevel(output.stopLoss),
    takeProfit: cutLevel(output.takeProfit),
    trailingStop: cutLevel(output.trailingStop),
    indicators,
  });
}
