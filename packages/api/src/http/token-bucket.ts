/** Per-user token buckets (DESIGN.md "floods"): each request takes a token; an empty bucket says when to retry. */
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
}

export function createTokenBuckets(config: RateLimitConfig, clock: Clock): TokenBuckets {
  const buckets = new Map<string, Bucket>();
  return {
    take(key: string): number {
      const now = clock.now();
      const bucket = buckets.get(key) ?? { tokens: config.capacity, at: now };
      const elapsed = Math.max(0, now - bucket.at) / 1000;
      bucket.tokens = Math.min(config.capacity, bucket.tokens + elapsed * config.refillPerSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / config.refillPerSecond));
    },
  };
}
