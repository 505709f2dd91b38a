import { describe, expect, it } from 'vitest';
import { HighLowWindows } from './rolling-extremes.js';

/** Small integers, so ties are frequent. */
function sample(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s % 7;
  }
  return out;
}

/** Index of each window's highest and lowest value, chunk results gathered into whole arrays. */
function scan(high: Float64Array, low: Float64Array, window: number, start: number, end: number) {
  const windows = new HighLowWindows(high, low, window);
  const highest = new Int32Array(end).fill(-1);
  const lowest = new Int32Array(end).fill(-1);
  windows.reset();
  for (let from = start, to = start; from < end; from = to) {
    to = windows.next(from, end);
    highest.set(windows.highAt.subarray(0, to - from), from);
    lowest.set(windows.lowAt.subarray(0, to - from), from);
  }
  return { highest, lowest };
}

describe('HighLowWindows', () => {
  it('finds the latest index of each window maximum and minimum, as a full scan does, across chunks', () => {
    const high = sample(3000, 42);
    const low = sample(3000, 7);
    const start = 3;
    for (const window of [1, 2, 3, 5, 8, 13, 1500]) {
      const { highest, lowest } = scan(high, low, window, start, high.length);
      for (let i = start; i < high.length; i += window > 100 ? 97 : 1) {
        let hi = i;
        let lo = i;
        for (let j = i; j > i - window && j >= start; j--) {
          if (high[j] > high[hi]) hi = j;
          if (low[j] < low[lo]) lo = j;
        }
        expect([highest[i], lowest[i]]).toEqual([hi, lo]);
      }
    }
  });

  it('stays right when the deque is full: on a falling series every bar of the window is kept', () => {
    const falling = Float64Array.from({ length: 3000 }, (_, i) => -i);
    const { highest, lowest } = scan(falling, falling, 5, 0, falling.length);
    expect(Array.from(highest.subarray(2995))).toEqual([2991, 2992, 2993, 2994, 2995]);
    expect(Array.from(lowest.subarray(2995))).toEqual([2995, 2996, 2997, 2998, 2999]);
  });

  it('starts each run afresh', () => {
    const values = Float64Array.from([9, 1, 2, 3]);
    const windows = new HighLowWindows(values, values, 3);
    windows.reset();
    windows.next(0, 1);
    windows.reset();
    expect(windows.next(1, 4)).toBe(4);
    expect(Array.from(windows.highAt.subarray(0, 3))).toEqual([1, 2, 3]);
  });
});
