/** Per-key token buckets (DESIGN.md "floods"): each request takes a token; an empty bucket says when to retry. */
import type { Clock } from '@stratex/core';
import type { RateLimitConfig } from '../deps.js';

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

export interface TokenBuckets {
  /** Takes a token of `key`'s bucket: 0 when granted, else the seconds until one is available (≥ 1). */
  take(key: string): number;
  /** The seconds until `key`'s bucket has a token (0: it has one now), taking nothing. */
  wait(key: string): number;
}

/** Keys kept at most: past it, full buckets are dropped, then the oldest (keys may come from a network). */
const MAX_KEYS = 10_000;

export function createTokenBuckets(config: RateLimitConfig, clock: Clock, maxKeys = MAX_KEYS): TokenBuckets {
  const buckets = new Map<string, Bucket>();
  const refilled = (bucket: Bucket, now: number) =>
    Math.min(config.capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * config.refillPerSecond);
  const current = (key: string): Bucket => {
    const now = clock.now();
    const known = buckets.get(key);
    if (known !== undefined) {
      known.tokens = refilled(known, now);
      known.at = now;
      return known;
    }
    if (buckets.size >= maxKeys) evict(now);
    const bucket = { tokens: config.capacity, at: now };
    buckets.set(key, bucket);
    return bucket;
  };
  const evict = (now: number) => {
    // A full bucket is the same as no bucket: forgetting it changes nothing.
    for (const [key, bucket] of buckets) if (refilled(bucket, now) >= config.capacity) buckets.delete(key);
    while (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
  };
  const secondsUntilToken = (bucket: Bucket) =>
    bucket.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / config.refillPerSecond));
  return {
    take(key) {
      const bucket = current(key);
      const wait = secondsUntilToken(bucket);
      if (wait === 0) bucket.tokens -= 1;
      return wait;
    },
    wait: (key) => secondsUntilToken(current(key)),
  };
}
