/**
 * Watches a child's process tree while it runs one job, for the limits the isolate cannot enforce
 * alone: resident memory on top of the child's baseline measured when the job starts (V8 reserves far
 * more address space than it uses, so an address-space rlimit would fail Node at start; the RSS is
 * what the machine pays), and CPU time (threads can burn more CPU than wall time). On a breach it
 * calls `onExceeded` once; the caller kills the tree. Without /proc it watches nothing.
 */
import { type TreeUsage, usageOf } from './process-tree.js';

/** How often the tree is measured while a job runs (a measurement costs ~0.1–0.5 ms of the host). */
const POLL_MS = 50;
const MB = 2 ** 20;

export type ExceededLimit = 'memory' | 'cpu';

export interface JobBudget {
  /** The isolate's memory limit. */
  memoryMb: number;
  /** CPU time the job's tree may use, in ms. */
  cpuMs: number;
  /** Bytes of price data sent with the job (the child holds copies of them outside the isolate). */
  dataBytes: number;
  /** Largest output (copied out of the isolate, then encoded for the pipe). */
  maxOutputBytes: number;
}

/**
 * Resident memory a job may add to its child: the isolate's limit twice (V8 overshoots it while it
 * collects garbage and before it notices, code and stacks are not in the heap), the data and output
 * copies outside the isolate, and 64 MB for the child's own buffers. It is a backstop for memory the
 * isolate does not count, not the primary limit.
 */
export function rssAllowance(budget: JobBudget): number {
  return (2 * budget.memoryMb + 64) * MB + 3 * budget.dataBytes + 2 * budget.maxOutputBytes;
}

export class ResourceWatchdog {
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly baseline: TreeUsage | undefined;
  private fired = false;
  /** The highest resident memory seen above the baseline, in bytes. */
  peakRssBytes = 0;

  /**
   * `pids` lists the child's processes now; `baseline` is the tree's usage measured while the child was
   * idle before the job (off the job's path; a child at rest uses neither memory nor CPU in between).
   */
  constructor(
    private readonly pids: () => number[],
    private readonly budget: JobBudget,
    private readonly onExceeded: (limit: ExceededLimit) => void,
    baseline: TreeUsage | undefined,
  ) {
    this.baseline = baseline ?? usageOf(pids());
    if (this.baseline === undefined) return;
    this.timer = setInterval(() => this.check(), POLL_MS);
    this.timer.unref();
  }

  /** Measures once now (also called by the interval). */
  check(): void {
    if (this.fired || this.baseline === undefined) return;
    const usage = usageOf(this.pids());
    if (usage === undefined) return;
    const rss = usage.rssBytes - this.baseline.rssBytes;
    this.peakRssBytes = Math.max(this.peakRssBytes, rss);
    if (rss > rssAllowance(this.budget)) this.exceeded('memory');
    else if (usage.cpuMs - this.baseline.cpuMs > this.budget.cpuMs) this.exceeded('cpu');
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private exceeded(limit: ExceededLimit): void {
    this.fired = true;
    this.stop();
    this.onExceeded(limit);
  }
}
