/** The in-process queue with per-user run slots (createRunSlots of packages/api), as `stratex serve` wires it. */
import { createRunSlots } from '@stratex/api';
import { describe, expect, it } from 'vitest';
import { createJobQueue } from './job-queue.js';

interface Job {
  name: string;
  userId: string;
}

/** A queue whose jobs run until the test ends them, recording which started. */
function heldQueue(maxRunningPerUser: number, concurrency = 2) {
  const slots = createRunSlots({ maxRunningPerUser });
  const started: string[] = [];
  const ends = new Map<string, () => void>();
  const queue = createJobQueue<Job>({
    concurrency,
    run: (job) =>
      new Promise<void>((resolve) => {
        started.push(job.name);
        ends.set(job.name, resolve);
      }),
    abandon: async () => undefined,
    onError: (err) => {
      throw err;
    },
    tryStart: (job) => slots.tryRun(job.userId),
  });
  slots.onRunReleased(() => queue.wake());
  const end = async (name: string) => {
    ends.get(name)?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { slots, queue, started, end };
}

describe('the job queue with per-user run slots', () => {
  it("starts the next user's job while the first user is at the cap, and the first's next once a slot is free", async () => {
    const { queue, started, end } = heldQueue(1);
    queue.enqueue({ name: 'alice-1', userId: 'alice' });
    queue.enqueue({ name: 'alice-2', userId: 'alice' });
    queue.enqueue({ name: 'bob-1', userId: 'bob' });
    expect(started).toEqual(['alice-1', 'bob-1']);
    await end('alice-1');
    expect(started).toEqual(['alice-1', 'bob-1', 'alice-2']);
    await end('bob-1');
    await end('alice-2');
    expect(queue.size()).toBe(0);
  });

  it("counts a synchronous run against the user's slots: the queued job starts once it is released", async () => {
    const { slots, queue, started, end } = heldQueue(1);
    const release = slots.tryRun('alice');
    expect(release).toBeDefined();
    queue.enqueue({ name: 'alice-queued', userId: 'alice' });
    expect(started).toEqual([]);
    release?.();
    expect(started).toEqual(['alice-queued']);
    // While the queued job runs, the user's slot is taken: a synchronous run would be refused.
    expect(slots.tryRun('alice')).toBeUndefined();
    await end('alice-queued');
    expect(slots.tryRun('alice')).toBeDefined();
  });
});
