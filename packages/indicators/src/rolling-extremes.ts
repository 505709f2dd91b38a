/**
 * Rolling maximum / minimum over a sliding window in O(1) amortised per bar: a monotonic deque of
 * bar indices kept in one preallocated ring buffer, so a whole pass allocates nothing per bar.
 */

/**
 * The index of the largest (or smallest) value among the last `window` bars pushed. On ties the most
 * recent bar wins, as in TA-Lib's AROON, which reports how long ago the extreme was.
 */
export class RollingExtreme {
  private readonly ring: Int32Array;
  /** Ring capacity is a power of two, so wrapping is a mask instead of a division. */
  private readonly mask: number;
  private head = 0;
  private size = 0;
  /** +1 tracks the maximum, -1 the minimum: negation is exact, so comparisons stay exact. */
  private readonly sign: number;

  constructor(
    private readonly values: Float64Array,
    private readonly window: number,
    kind: 'max' | 'min',
  ) {
    let capacity = 1;
    while (capacity < window) capacity *= 2;
    this.ring = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.sign = kind === 'max' ? 1 : -1;
  }

  /** Forgets every bar (used at the start of each finite run). */
  reset(): void {
    this.head = 0;
    this.size = 0;
  }

  /** Adds bar `i` (bars must be pushed one by one, in order) and returns the index of the window's extreme. */
  push(i: number): number {
    const { ring, values, sign, mask } = this;
    // The oldest bar leaves the window first, so the ring never holds more than `window` bars.
    if (this.size > 0 && ring[this.head] <= i - this.window) {
      this.head = (this.head + 1) & mask;
      this.size--;
    }
    // Bars at the back that bar i matches or beats can never be the extreme again: bar i outlives them.
    const v = sign * values[i];
    while (this.size > 0 && sign * values[ring[(this.head + this.size - 1) & mask]] <= v) this.size--;
    ring[(this.head + this.size) & mask] = i;
    this.size++;
    return ring[this.head];
  }
}
