/** Gaps in a series of bar open times: runs of missing bars, which stay missing (no synthetic bars). */

export interface GapCount {
  /** Runs of consecutive missing bars. */
  gaps: number;
  /** Missing bars in all runs. */
  missingBars: number;
}

/** Counts the runs of missing bars between consecutive bars of `time` (sorted, one bar per time). */
export function countGaps(time: ArrayLike<number>, timeframeMs: number): GapCount {
  let gaps = 0;
  let missingBars = 0;
  for (let i = 1; i < time.length; i++) {
    const missing = Math.round((time[i] - time[i - 1]) / timeframeMs) - 1;
    if (missing > 0) {
      gaps += 1;
      missingBars += missing;
    }
  }
  return { gaps, missingBars };
}
