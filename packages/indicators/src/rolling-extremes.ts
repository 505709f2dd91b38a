/**
 * Rolling highest high and lowest low in O(1) amortised per bar: monotonic deques of bar indices in
 * preallocated ring buffers. Results come out in fixed-size chunks, so a call allocates the same few
 * kilobytes whatever the input length, and the hot loops are tight (no call per bar).
 */

/** Bars per chunk: big enough that the per-chunk callback costs nothing, small enough to stay in L1. */
const CHUNK = 1024;

/** The index of each window's maximum (sign +1) or minimum (sign -1); resumable from chunk to chunk. */
class MonotonicDeque {
  private readonly ring: Int32Array;
  private head = 0; // head and tail count up; `& mask` maps them into the ring (capacity a power of two)
  private tail = 0;

  constructor(
    private readonly values: Float64Array,
    private readonly window: number,
    private readonly sign: 1 | -1,
  ) {
    let capacity = 1;
    while (capacity < window) capacity *= 2;
    this.ring = new Int32Array(capacity);
  }

  reset(): void {
    this.head = 0;
    this.tail = 0;
  }

  /** Pushes bars [from, to) and writes at[i - from] = index of the extreme of the window ending at bar i. */
  scan(from: number, to: number, at: Int32Array): void {
    const { ring, values, window, sign } = this;
    const mask = ring.length - 1;
    let head = this.head;
    let tail = this.tail;
    for (let i = from; i < to; i++) {
      // The oldest bar leaves first, so the ring never holds more than `window` bars.
      if (head < tail && ring[head & mask] <= i - window) head++;
      // Bars at the back that bar i matches or beats can never be the extreme again: bar i outlives them.
      // Multiplying by the sign turns the minimum into a maximum; negation is exact.
      const v = sign * values[i];
      while (tail > head && sign * values[ring[(tail - 1) & mask]] <= v) tail--;
      ring[tail & mask] = i;
      tail++;
      at[i - from] = ring[head & mask];
    }
    this.head = head;
    this.tail = tail;
  }
}

/**
 * Where the highest high and the lowest low of each window of `window` bars are (the bar itself and the
 * window - 1 before it, within the current finite run). On ties the most recent bar wins, as in TA-Lib's
 * AROON, which reports how long ago the extreme was.
 */
export class HighLowWindows {
  /** highAt[k], lowAt[k]: index of the highest high / lowest low of the window ending at bar from + k. */
  readonly highAt = new Int32Array(CHUNK);
  readonly lowAt = new Int32Array(CHUNK);
  private readonly highest: MonotonicDeque;
  private readonly lowest: MonotonicDeque;

  constructor(high: Float64Array, low: Float64Array, window: number) {
    this.highest = new MonotonicDeque(high, window, 1);
    this.lowest = new MonotonicDeque(low, window, -1);
  }

  /** Starts a new finite run: earlier bars leave every window. */
  reset(): void {
    this.highest.reset();
    this.lowest.reset();
  }

  /**
   * Pushes the next chunk of the run, bars [from, min(from + chunk, end)), fills highAt and lowAt for
   * them and returns where the chunk ends. Chunks of one run must follow each other.
   */
  next(from: number, end: number): number {
    const to = Math.min(from + CHUNK, end);
    this.highest.scan(from, to, this.highAt);
    this.lowest.scan(from, to, this.lowAt);
    return to;
  }
}
