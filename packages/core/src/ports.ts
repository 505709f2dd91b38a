/**
 * Ports: what the core needs from the outside world, implemented by adapters in packages/local
 * (one machine) and packages/aws (the cloud). The core imports none of those adapters.
 */
import type { StrategyOutput } from './types.js';

export type StrategyLanguage = 'python' | 'javascript' | 'typescript';

/** Candle columns handed to a strategy. `timestamp` is the bar open time in ms UTC. */
export interface StrategyData {
  timestamp: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

export interface RuntimeLimits {
  /** Wall-clock limit of the whole job, in ms (default 10 s). */
  timeoutMs: number;
  /** Memory limit in MB (default 256). */
  memoryMb: number;
}

/** One run of a strategy over one window of data. */
export interface StrategyJob {
  code: string;
  language: StrategyLanguage;
  data: StrategyData;
  /**
   * Parameter overrides. Values may be strings (from `--param k=v`): the runtime types them by the
   * strategy's own defaults and reports the resolved set.
   */
  params: Record<string, unknown>;
  limits: RuntimeLimits;
}

export interface StrategyRun {
  /** What `strategy` returned, or what the SDK built from `on_bar` calls (not yet validated). */
  output: StrategyOutput;
  /** `vectorized` for `strategy(data, params)`, `event` for `on_bar`/`onBar` (causal by construction). */
  style: 'vectorized' | 'event';
  /** Defaults merged with the overrides, as the strategy saw them. */
  params: Record<string, unknown>;
  /** Captured print/console.log output, at most 64 KB, then a `…[truncated]` marker. */
  logs: string;
  /** How the job was isolated: `bwrap`, `process`, `lambda`. */
  isolation: string;
  /** Version of the SDK the runtime injected. */
  sdkVersion: string;
}

/**
 * Runs untrusted strategy code somewhere safe. Failures are thrown as StratexError with the codes of
 * CONTRACT.md section 4 (CODE_REJECTED, STRATEGY_ERROR, TIMEOUT, MEMORY_LIMIT, SANDBOX_VIOLATION).
 */
export interface RuntimeInvoker {
  run(job: StrategyJob): Promise<StrategyRun>;
}

/** Time, injected so that paper trading and tests can fix "now". */
export interface Clock {
  now(): number;
}
