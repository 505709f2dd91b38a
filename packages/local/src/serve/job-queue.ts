/**
 * The in-process queue of one machine for queued executions (the cloud uses SQS): jobs run in arrival
 * order, at most `concurrency` at once, so a burst of large backtests cannot start unbounded runtimes.
 */
export interface JobQueue<Job> {
  enqueue(job: Job): void;
  /** Jobs waiting and running. */
  size(): number;
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
}

export function createJobQueue<Job>(options: JobQueueOptions<Job>): JobQueue<Job> {
  const waiting: Job[] = [];
  const running = new Set<Promise<void>>();
  let closed = false;
  const pump = () => {
    while (!closed && running.size < options.concurrency && waiting.length > 0) {
      const job = waiting.shift() as Job;
      const task: Promise<void> = options
        .run(job)
        .catch(options.onError)
        .finally(() => {
          running.delete(task);
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
    async close() {
      closed = true;
      const abandoned = waiting.splice(0).map((job) => options.abandon(job).catch(options.onError));
      await Promise.all([...abandoned, ...running]);
    },
  };
}
