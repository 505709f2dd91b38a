/**
 * Keeps the last object a metrics function returned alive until its next call.
 *
 * Why: V8's type feedback refers to object layouts (maps) weakly. The intermediate results of
 * computeMetrics (drawdown, resampling, trade and annualisation figures) are dropped as soon as it
 * returns, so after a full GC no object of their layouts is left, the feedback naming them is
 * cleared, and the next optimised runs of the 1M-bar loops that build them bail out ("insufficient
 * type feedback") and start over. With a GC between calls computeMetrics alternated between ~16 ms
 * and 26-45 ms on 1M bars; keeping one result of each alive, it stays at ~16 ms. The cost is one
 * small object per function (the resampled equity's array: one number per day of data).
 */
const kept = new Map<string, object>();

/** Returns `result`, kept alive under `name` until the next result of that name replaces it. */
export function keepShape<T extends object>(name: string, result: T): T {
  kept.set(name, result);
  return result;
}
