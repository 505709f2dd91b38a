/** Indicator series for the result: plain arrays with `null` where a value is undefined (strict JSON). */
import type { NormalizedOutput } from '../output/normalized-output.js';

/** The counted bars' indicators, NaN written as `null`. */
export function nullableIndicators(output: NormalizedOutput): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const [name, series] of Object.entries(output.indicators)) {
    const values = new Array<number | null>(series.length);
    for (let i = 0; i < series.length; i++) values[i] = Number.isFinite(series[i]) ? series[i] : null;
    out[name] = values;
  }
  return out;
}
