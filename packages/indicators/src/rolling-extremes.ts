/**
 * Rolling maximum / minimum over a sliding window in O(1) amortised per bar: a monotonic deque of bar
 * indices in one preallocated ring buffer, so a pass allocates nothing per bar. The scan runs over a
 * whole finite run at once (one tight loop, no per-bar calls) and writes where each window's extreme is.
 */
export class RollingExtremes {
  private readonly ring: Int32Array;

  /** `window`: how many bars each window holds (the bar itself and the window - 1 before it). */
  constructor(private readonly window: number) {
    let capacity = 1;
    while (capacity < window) capacity *= 2;
    this.ring = new Int32Array(capacity);
  }

  /**
   * For each bar i of [start, end), writes into `at[i]` the index of the largest (`max`) or smallest
   * (`min`) of values[max(start, i - window + 1) .. i]. On ties the most recent bar wins, as in TA-Lib's
   * AROON, which reports how long ago the extreme was.
   */
  scan(values: Float64Array, kind: 'max' | 'min', start: number, end: number, at: Int32Array): void {
    const ring = this.ring;
    const mask = ring.length - 1; // capacity is a power of two: wrapping is a mask
    const window = this.window;
    // +1 tracks the maximum, -1 the minimum: negation is exact, so comparisons stay exact.
    const sign = kind === 'max' ? 1 : -1;
    let head = 0; // head and tail count up forever; `& mask` maps them into the ring
    let tail = 0;
    for (let i = start; i < end; i++) {
      // The oldest bar leaves first, so the ring never holds more than `window` bars.
      if (head < tail && ring[head & mask] <= i - window) head++;
      // Bars at the back that bar i matches or beats can never be the extreme again: bar i outlives them.
      const v = sign * values[i];
      while (tail > head && sign * values[ring[(tail - 1) & mask]] <= v) tail--;
      ring[tail & mask] = i;
      tail++;
      at[i] = ring[head & mask];
    }
  }
}
