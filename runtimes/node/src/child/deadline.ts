/**
 * The wall-clock limit of one job inside the child. isolated-vm's own `timeout` stops running code;
 * this timer covers what that cannot: a promise that never settles, or an accessor that runs while
 * isolated-vm copies a thrown value. On expiry it calls `onExpire` (which disposes the isolate, and
 * that stops whatever still runs in it).
 */

/** Extra wall time after the isolate's own timeout before the hard stop. */
const GRACE_MS = 50;

export class DeadlineExpired extends Error {}

export class Deadline {
  private readonly end: number;
  private readonly timer: NodeJS.Timeout;
  private readonly expiry: Promise<never>;
  expired = false;

  constructor(timeoutMs: number, onExpire: () => void) {
    this.end = performance.now() + timeoutMs;
    let reject: (reason: unknown) => void = () => undefined;
    this.expiry = new Promise<never>((_, rej) => {
      reject = rej;
    });
    this.expiry.catch(() => undefined);
    this.timer = setTimeout(() => {
      this.expired = true;
      onExpire();
      reject(new DeadlineExpired());
    }, timeoutMs + GRACE_MS);
  }

  /** Milliseconds left, at least 1 (isolated-vm treats 0 as "no timeout"). */
  left(): number {
    return Math.max(1, Math.ceil(this.end - performance.now()));
  }

  /** `work`, unless the deadline passes first. */
  race<T>(work: Promise<T>): Promise<T> {
    work.catch(() => undefined);
    return Promise.race([work, this.expiry]);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
