import { describe, expect, it } from 'vitest';
import { finite2, finite3, finite4, startOfRun } from './finite-runs.js';

const nan = Number.NaN;
const inf = Number.POSITIVE_INFINITY;

/** Every run start startOfRun finds, walking as the indicators do (a kernel that ends each run at `ends`). */
function starts(x: Float64Array, span: number, out: Float64Array): number[] {
  const found: number[] = [];
  let start = startOfRun([x], [out], 0, span);
  while (start < x.length) {
    found.push(start);
    let end = start;
    while (end < x.length && Number.isFinite(x[end])) out[end++] = 1;
    start = startOfRun([x], [out], end, span);
  }
  return found;
}

describe('startOfRun', () => {
  it('skips gaps and runs shorter than the span, and sets every output to NaN on what it skips', () => {
    const x = Float64Array.from([nan, 1, 2, nan, 3, inf, -inf, 4, 5, 6, nan, 7, 8]);
    const out = new Float64Array(x.length);
    expect(starts(x, 2, out)).toEqual([1, 7, 11]);
    expect(Array.from(out)).toEqual([nan, 1, 1, nan, nan, nan, nan, 1, 1, 1, nan, 1, 1]);
    const wide = new Float64Array(x.length);
    expect(starts(x, 3, wide)).toEqual([7]);
    expect(Array.from(wide)).toEqual([nan, nan, nan, nan, nan, nan, nan, 1, 1, 1, nan, nan, nan]);
  });

  it('needs every input finite on a bar', () => {
    const a = Float64Array.from([1, 2, 3, 4]);
    const b = Float64Array.from([1, nan, 3, 4]);
    const out = new Float64Array(4);
    expect(startOfRun([a, b], [out], 0, 2)).toBe(2);
    expect(startOfRun([a, b], [out], 0, 3)).toBe(4);
    expect(Array.from(out).every(Number.isNaN)).toBe(true);
  });
});

describe('finite2, finite3, finite4', () => {
  it('are true only when every input is finite at the bar (zero and -0 included)', () => {
    const ok = Float64Array.from([1, 0, -0, -1e308]);
    for (const bad of [nan, inf, -inf]) {
      const b = Float64Array.from([1, bad, 0, 2]);
      for (let i = 0; i < 4; i++) {
        expect(finite2(ok, ok, i)).toBe(true);
        expect(finite2(ok, b, i)).toBe(i !== 1);
        expect(finite3(b, ok, ok, i)).toBe(i !== 1);
        expect(finite4(ok, ok, ok, b, i)).toBe(i !== 1);
        expect(finite4(ok, ok, ok, ok, i)).toBe(true);
      }
    }
  });
});
