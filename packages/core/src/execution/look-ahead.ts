/**
 * The look-ahead check of CONTRACT.md section 2: a vectorized strategy is re-run on prefixes of the
 * data (warm-up + 50 %, 75 %, 90 % of the counted bars). A causal strategy returns the same values on
 * the bars both runs cover; one that peeks at later bars does not. Only `indicators` may differ.
 */
import { StratexError, toStratexError } from '../errors.js';
import { firstDifferingBar } from '../output/compare.js';
import { normalizeOutput } from '../output/normalize.js';
import type { NormalizedOutput } from '../output/normalized-output.js';
import { dropWarmup } from '../output/warmup.js';
import type { RuntimeInvoker, StrategyData, StrategyJob } from '../ports.js';
import type { LookAheadVerdict } from './execution-result.js';

export const LOOK_AHEAD_FRACTIONS = [0.5, 0.75, 0.9] as const;

export interface LookAheadInput {
  runtime: RuntimeInvoker;
  /** The job of the full run; its data is warm-up + counted bars. */
  job: StrategyJob;
  warmupBars: number;
  /** The full run's output, normalised, warm-up dropped. */
  counted: NormalizedOutput;
}

export interface LookAheadReport {
  verdict: LookAheadVerdict;
  /** First counted bar where a prefix run disagreed with the full run. */
  bar?: number;
  warnings: string[];
}

/**
 * Runs the prefixes and compares them with the full run. Failures of a re-run become warnings. The
 * re-runs are independent, so they are started together: a runtime with spare workers overlaps them.
 */
export async function checkLookAhead(input: LookAheadInput): Promise<LookAheadReport> {
  const countedBars = input.counted.bars;
  const fractions = LOOK_AHEAD_FRACTIONS.filter((fraction) => Math.floor(fraction * countedBars) >= 1);
  const runs = await Promise.allSettled(
    fractions.map((fraction) => runPrefix(input, input.warmupBars + Math.floor(fraction * countedBars))),
  );
  let compared = 0;
  let first = -1;
  const warnings: string[] = [];
  runs.forEach((run, i) => {
    if (run.status === 'rejected') {
      const error = toStratexError(run.reason);
      warnings.push(
        `look-ahead check: the re-run on the first ${fractions[i] * 100}% of the bars failed (${error.code}: ${error.message})`,
      );
      return;
    }
    const bar = firstDifferingBar(input.counted, run.value);
    compared += 1;
    if (bar !== -1 && (first === -1 || bar < first)) first = bar;
  });
  if (first !== -1) return { verdict: 'detected', bar: first, warnings };
  if (compared === 0) {
    warnings.push('look-ahead check: no re-run could be compared with the full run');
    return { verdict: 'inconclusive', warnings };
  }
  return { verdict: 'none-detected', warnings };
}

async function runPrefix(input: LookAheadInput, length: number): Promise<NormalizedOutput> {
  const data = prefixOf(input.job.data, length);
  const run = await input.runtime.run({ ...input.job, data });
  if (run.style !== 'vectorized') {
    throw new StratexError('STRATEGY_ERROR', 'the strategy switched between strategy() and on_bar between runs');
  }
  return dropWarmup(normalizeOutput(run.output, length), input.warmupBars);
}

/** The first `length` bars, copied: a runtime may ship a view's whole underlying buffer. */
export function prefixOf(data: StrategyData, length: number): StrategyData {
  return {
    timestamp: data.timestamp.slice(0, length),
    open: data.open.slice(0, length),
    high: data.high.slice(0, length),
    low: data.low.slice(0, length),
    close: data.close.slice(0, length),
    volume: data.volume.slice(0, length),
  };
}
