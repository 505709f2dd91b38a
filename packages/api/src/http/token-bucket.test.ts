import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './token-bucket.js';

describe('token buckets keyed by what a network sends', () => {
  it('keep at most maxKeys buckets: full ones go first, then the oldest', () => {
    const clock = { time: 0, now: () => clock.time };
    const buckets = createTokenBuckets({ capacity: 1, refillPerSecond: 0.001 }, clock, 2);
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
    expect(buckets.take('b')).toBe(0);
    // A third key: no bucket is full, so the oldest (a) is forgotten and starts full again.
    expect(buckets.take('c')).toBe(0);
    expect(buckets.wait('b')).toBeGreaterThan(0);
    expect(buckets.take('a')).toBe(0);
  });

  it('wait says when a token comes without taking one', () => {
    const clock = { time: 0, now: () => clock.time };
    const buckets = createTokenBuckets({ capacity: 2, refillPerSecond: 0.5 }, clock);
    expect(buckets.wait('x')).toBe(0);
    buckets.take('x');
    buckets.take('x');
    expect(buckets.wait('x')).toBe(2);
    expect(buckets.wait('x')).toBe(2);
    clock.time += 2000;
    expect(buckets.wait('x')).toBe(0);
  });
});
