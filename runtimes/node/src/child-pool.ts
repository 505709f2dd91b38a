/**
 * A few warm child processes that run jobs one at a time each, FIFO when all are busy. A child is
 * replaced after a TIMEOUT or MEMORY_LIMIT, when it dies, and after `jobsPerChild` jobs; its
 * replacement starts at once, so the next job finds a warm child. Every job gets a fresh isolate
 * whatever the child (child/main.ts).
 *
 * A child (one sandbox instance) belongs to the first owner (user key) whose job it runs: jobs of
 * another owner never run in it. A job goes to a free child of its owner, else to a child nobody used
 * yet, else a free child of another owner is killed and replaced by a fresh one for it.
 */
import { ChildHandle, type ChildOptions, type JobOutcome } from './child-handle.js';
import type { JobMessage } from './protocol.js';

export interface PoolOptions {
  size: number;
  jobsPerChild: number;
  /** Options of new children; resolved lazily (the SDK bundle and the entry are built on first use). */
  child: () => Promise<ChildOptions>;
}

interface Slot {
  child: Promise<ChildHandle> | undefined;
  busy: boolean;
  /** Whose jobs the current child has run (undefined: none yet). */
  owner: string | undefined;
}

export class ChildPool {
  private readonly slots: Slot[];
  private readonly waiting: { resolve: (slot: Slot) => void; reject: (error: Error) => void }[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: options.size }, () => ({ child: undefined, busy: false, owner: undefined }));
  }

  /** Starts every child and waits until each has a warm isolate. */
  async warmUp(): Promise<void> {
    await Promise.all(this.slots.map((slot) => this.childOf(slot).then((child) => child.ready)));
  }

  /** Runs a job on the next free child that `owner`'s jobs may use. */
  async run(job: JobMessage, parts: readonly ArrayBufferView[], owner: string): Promise<JobOutcome> {
    const slot = await this.acquire(owner);
    let retire = true;
    try {
      if (slot.owner !== undefined && slot.owner !== owner) this.replace(slot);
      slot.owner = owner;
      let child = await this.childOf(slot);
      if (!child.alive) {
        // It died while idle (killed from outside, a crash while preparing its next isolate).
        slot.child = undefined;
        child = await this.childOf(slot);
      }
      await child.ready;
      const outcome = await child.run(job, parts);
      retire = outcome.kind === 'failure' && outcome.retire;
      retire ||= !child.alive || child.jobsRun >= this.options.jobsPerChild;
      return outcome;
    } finally {
      this.release(slot, retire);
    }
  }

  /** Kills every child; jobs still waiting for a child are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('runtime is closed'));
    const children = this.slots.map((slot) => slot.child);
    for (const slot of this.slots) slot.child = undefined;
    await Promise.all(children.map((child) => child?.then((c) => c.kill()).catch(() => undefined)));
  }

  private childOf(slot: Slot): Promise<ChildHandle> {
    if (this.closed) return Promise.reject(new Error('runtime is closed'));
    if (slot.child === undefined) {
      const started = this.options.child().then((options) => new ChildHandle(options));
      // A child that fails to start is forgotten, so the next job tries a new one.
      started
        .then((child) => child.ready)
        .catch(() => {
          if (slot.child === started) slot.child = undefined;
        });
      slot.child = started;
    }
    return slot.child;
  }

  private acquire(owner: string): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('runtime is closed'));
    const idle = this.slots.filter((slot) => !slot.busy);
    const free = idle.find((slot) => slot.owner === owner) ?? idle.find((slot) => slot.owner === undefined) ?? idle[0];
    if (free !== undefined) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Kills the slot's child and starts a fresh one, owned by nobody yet. */
  private replace(slot: Slot): void {
    const old = slot.child;
    slot.child = undefined;
    slot.owner = undefined;
    old?.then((child) => child.kill()).catch(() => undefined);
    if (!this.closed) this.childOf(slot).catch(() => undefined);
  }

  private release(slot: Slot, retire: boolean): void {
    if (retire && slot.child !== undefined) this.replace(slot);
    const next = this.waiting.shift();
    if (next === undefined) slot.busy = false;
    else next.resolve(slot);
  }
}
