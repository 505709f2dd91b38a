/**
 * The in-process queue of one machine for queued executions (the cloud uses SQS): jobs run in arrival
 * order, at most `concurrency` at once, so a burst of large backtests cannot start unbounded runtimes.
 * A job may also wait for a slot of its own (`tryStart`, e.g. its user's run slots): the queue then
 * starts the next job that can start, and tries again on `wake()`.
 */
export interface JobQueue<Job> {
  enqueue(job: Job): void;
  /** Jobs waiting and running. */
  size(): number;
  /** Tries again to start waiting jobs (a slot `tryStart` refused may be free now). */
  wake(): void;
  /**
   * Stops taking jobs: waiting ones go to `abandon`; resolves when the running ones have ended.
   */
  close(): Promise<void>;
}

export interface JobQueueOptions<Job> {
  concurrency: number;
  /** Runs one job; must not reject (a rejection is reported to `onError`). */
  run(job: Job): Promise<void>;
  /** Ends a job that will never run. */
  abandon(job: Job): Promise<void>;
  onError(err: unknown): void;
  /** The job's own slot, as its release, or undefined while it must wait (default: always granted). */
  tryStart?(job: Job): (() => void) | undefined;
}

export function createJobQueue<Job>(options: JobQueueOptions<Job>): JobQueue<Job> {
  const waiting: Job[] = [];
  const running = new Set<Promise<void>>();
  let closed = false;
  const tryStart = options.tryStart ?? (() => () => undefined);
  /** The first waiting job whose slot is free, taken out of `waiting` with its release. */
  const nextStartable = (): [Job, () => void] | undefined => {
    for (let i = 0; i < waiting.length; i++) {
      const release = tryStart(waiting[i]);
      if (release !== undefined) return [waiting.splice(i, 1)[0], release];
    }
    return undefined;
  };
  const pump = () => {
    while (!closed && running.size < options.concurrency && waiting.length > 0) {
      const next = nextStartable();
      if (next === undefined) return;
      const [job, release] = next;
      const task: Promise<void> = options
        .run(job)
        .catch(options.onError)
        .finally(() => {
          running.delete(task);
          release();
          pump();
        });
      running.add(task);
    }
  };
  return {
    enqueue(job) {
      if (closed) {
        options.abandon(job).catch(options.onError);
        return;
      }
      waiting.push(job);
      pump();
    },
    size: () => waiting.length + running.size,
    wake: () => pump(),
    async close() {
      closed = true;
      const abandoned = waiting.splice(0).map((job) => options.abandon(job).catch(options.onError));
      await Promise.all([...abandoned, ...running]);
    },
  };
}
