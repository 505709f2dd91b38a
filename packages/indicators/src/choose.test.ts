import { describe, expect, it } from 'vitest';
import { choose } from './choose.js';

describe('choose', () => {
  it('gives ifTrue when the condition holds and ifFalse otherwise, the very numbers given', () => {
    const pick = new Float64Array(2);
    expect(choose(pick, true, 1, 2)).toBe(2);
    expect(choose(pick, false, 1, 2)).toBe(1);
    expect(Object.is(choose(pick, true, 0, -0), -0)).toBe(true);
    expect(Object.is(choose(pick, false, -0, 0), -0)).toBe(true);
  });
});
