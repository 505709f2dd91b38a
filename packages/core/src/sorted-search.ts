/** Binary search over ascending bar times, shared by the candle store and the data providers. */

/** First index whose time is ≥ `value` (times sorted ascending); `time.length` when there is none. */
export function lowerBound(time: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
