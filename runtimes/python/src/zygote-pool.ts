/**
 * One zygote (one sandbox instance: its own interpreter, pid namespace and pids cgroup) per owner, so
 * jobs of different users are never forked from the same process. Bounded: at most `maxZygotes` live
 * at once (the least recently used idle one is stopped to make room), and a zygote idle for `idleMs`
 * is stopped. An owner's zygote that dies is replaced on its next job; other owners' are untouched.
 */
import type { Zygote } from './zygote.js';

export interface ZygotePoolOptions {
  /** Starts a zygote; it must call `onExit` once it has exited. */
  spawn(onExit: (dead: Zygote) => void): Zygote;
  maxZygotes: number;
  idleMs: number;
}

interface Entry {
  zygote: Zygote;
  /** Jobs running in it now; it is idle (may be stopped) at 0. */
  running: number;
  idleTimer: NodeJS.Timeout | undefined;
}

export class ZygotePool {
  /** Insertion order is recency: an entry is moved to the end each time it is used. */
  private readonly byOwner = new Map<string, Entry>();
  /** How many zygotes were started over the pool's life. */
  started = 0;

  constructor(private readonly options: ZygotePoolOptions) {}

  /** The owner's live zygote, started (and the pool's bound kept) when it has none. */
  zygoteOf(owner: string): Zygote {
    const entry = this.byOwner.get(owner);
    if (entry !== undefined && !entry.zygote.exited) {
      this.byOwner.delete(owner);
      this.byOwner.set(owner, entry);
      return entry.zygote;
    }
    this.makeRoom();
    const zygote = this.options.spawn((dead) => this.forget(owner, dead));
    this.started += 1;
    const fresh: Entry = { zygote, running: 0, idleTimer: undefined };
    this.byOwner.set(owner, fresh);
    this.whenIdle(fresh);
    return zygote;
  }

  /** Marks a job of `owner` running in `zygote` until the returned function is called. */
  hold(owner: string, zygote: Zygote): () => void {
    const entry = this.byOwner.get(owner);
    if (entry === undefined || entry.zygote !== zygote) return () => {};
    entry.running += 1;
    clearTimeout(entry.idleTimer);
    return () => {
      entry.running -= 1;
      if (entry.running === 0) this.whenIdle(entry);
    };
  }

  /** The owner's zygote if one runs. */
  peek(owner: string): Zygote | undefined {
    const zygote = this.byOwner.get(owner)?.zygote;
    return zygote?.exited === false ? zygote : undefined;
  }

  /** Live zygotes, least recently used first. */
  live(): Zygote[] {
    return [...this.byOwner.values()].map((e) => e.zygote).filter((z) => !z.exited);
  }

  /** Stops every zygote. */
  async stopAll(): Promise<void> {
    const entries = [...this.byOwner.values()];
    this.byOwner.clear();
    for (const entry of entries) clearTimeout(entry.idleTimer);
    await Promise.all(entries.map((e) => e.zygote.stop()));
  }

  /** At the bound, stops the least recently used idle zygote (never one running a job). */
  private makeRoom(): void {
    for (const [owner, entry] of this.byOwner) {
      if (entry.zygote.exited) this.byOwner.delete(owner);
    }
    if (this.byOwner.size < this.options.maxZygotes) return;
    for (const [owner, entry] of this.byOwner) {
      if (entry.running > 0) continue;
      this.stop(owner, entry);
      return;
    }
  }

  private whenIdle(entry: Entry): void {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      for (const [owner, e] of this.byOwner) if (e === entry && e.running === 0) this.stop(owner, e);
    }, this.options.idleMs);
    entry.idleTimer.unref();
  }

  private stop(owner: string, entry: Entry): void {
    clearTimeout(entry.idleTimer);
    this.byOwner.delete(owner);
    void entry.zygote.stop();
  }

  private forget(owner: string, dead: Zygote): void {
    const entry = this.byOwner.get(owner);
    if (entry?.zygote !== dead) return;
    clearTimeout(entry.idleTimer);
    this.byOwner.delete(owner);
  }
}
