/**
 * Per-user caps on work in flight (DESIGN.md "floods"), beside the token bucket that caps requests: a
 * user has at most `maxRunningPerUser` runs executing at once — synchronous ones inside a request and
 * queued ones a worker started — and at most `maxQueuedPerUser` queued runs not yet ended. Over a cap
 * the API answers 429 RATE_LIMITED with Retry-After. One object is shared by the app and the worker of a
 * process (packages/local wires both), so both kinds of run count against the same slots.
 */

export interface RunSlotLimits {
  /** Runs of one user executing at once: synchronous (200) runs plus queued runs a worker started. */
  maxRunningPerUser: number;
  /** Queued (202) runs of one user that have not ended yet, waiting or running. */
  maxQueuedPerUser: number;
  /** What a 429 for a full slot says in Retry-After. */
  retryAfterSeconds: number;
}

export const DEFAULT_RUN_SLOT_LIMITS: RunSlotLimits = {
  maxRunningPerUser: 2,
  maxQueuedPerUser: 20,
  retryAfterSeconds: 5,
};

export interface RunSlots {
  readonly limits: RunSlotLimits;
  /** One of the user's run slots, as its release (call it once), or undefined when all are taken. */
  tryRun(userId: string): (() => void) | undefined;
  /** A place in the user's queue, or false when it is full; the worker gives it back with leaveQueue. */
  tryQueue(userId: string): boolean;
  /** A place taken whatever the cap (a run a previous server accepted, queued again at start). */
  joinQueue(userId: string): void;
  /** The user's queued run ended (ran, failed or was abandoned). */
  leaveQueue(userId: string): void;
  /** Called whenever a run slot is released (a worker may start a run that waited for it). */
  onRunReleased(listener: () => void): void;
}

export function createRunSlots(overrides: Partial<RunSlotLimits> = {}): RunSlots {
  const limits: RunSlotLimits = { ...DEFAULT_RUN_SLOT_LIMITS, ...overrides };
  const running = new Map<string, number>();
  const queued = new Map<string, number>();
  const listeners: Array<() => void> = [];
  const change = (counts: Map<string, number>, userId: string, by: number) => {
    const next = Math.max(0, (counts.get(userId) ?? 0) + by);
    // Users with nothing in flight leave no entry: the maps stay as small as the work.
    if (next === 0) counts.delete(userId);
    else counts.set(userId, next);
  };
  return {
    limits,
    tryRun(userId) {
      if ((running.get(userId) ?? 0) >= limits.maxRunningPerUser) return undefined;
      change(running, userId, 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        change(running, userId, -1);
        for (const listener of listeners) listener();
      };
    },
    tryQueue(userId) {
      if ((queued.get(userId) ?? 0) >= limits.maxQueuedPerUser) return false;
      change(queued, userId, 1);
      return true;
    },
    joinQueue: (userId) => change(queued, userId, 1),
    leaveQueue: (userId) => change(queued, userId, -1),
    onRunReleased: (listener) => {
      listeners.push(listener);
    },
  };
}
