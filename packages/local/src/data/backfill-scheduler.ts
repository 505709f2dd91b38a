/**
 * The local scheduler of the backfill job (`stratex serve` starts it; the cloud uses a Cron instead):
 * calls advanceTrackedSeries every interval, never two ticks at once in this process (the job is safe
 * concurrently anyway, this only saves duplicate fetches).
 */
import { type AdvanceOptions, type AdvanceReport, advanceTrackedSeries } from '@stratex/market-data';

export interface BackfillSchedulerOptions extends AdvanceOptions {
  /** Time between runs (default: 5 minutes). */
  intervalMs?: number;
  onReport?: (report: AdvanceReport) => void;
  onError?: (err: unknown) => void;
}

export interface BackfillScheduler {
  /** Runs the job now (or waits for the run in progress). */
  runNow(): Promise<AdvanceReport>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Starts the timer; the first run is one interval from now. */
export function startBackfillScheduler(options: BackfillSchedulerOptions): BackfillScheduler {
  let running: Promise<AdvanceReport> | undefined;
  const runNow = () => {
    running ??= advanceTrackedSeries(options).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    runNow().then(options.onReport, options.onError);
  }, options.intervalMs ?? 300_000);
  timer.unref();
  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
