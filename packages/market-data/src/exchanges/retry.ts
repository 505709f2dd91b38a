/** Retries with exponential backoff for failures that may pass (network, 429, 5xx), none for the rest. */

export interface RetryOptions {
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** Wait before the first retry in ms, doubled each time (default 500). */
  baseDelayMs?: number;
  /** Longest wait between attempts in ms (default 8000). */
  maxDelayMs?: number;
}

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    retries: options.retries ?? 4,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8000,
  };
}

/**
 * Calls `attempt` until it succeeds, `isTransient` says an error is permanent, or the retries are spent;
 * rethrows the last error. Waits baseDelay × 2^n (capped) between attempts.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  isTransient: (err: unknown) => boolean,
  policy: RetryPolicy,
): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (tries >= policy.retries || !isTransient(err)) throw err;
      const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** tries);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
