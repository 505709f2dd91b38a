/**
 * The execution service of one machine: csv and synthetic data, exchange data through the local candle
 * store, the local runtimes, the system clock.
 */
import {
  type Clock,
  createExecutionService,
  ENGINE_VERSION,
  type ExecutionRequest,
  type ExecutionResult,
  type RunContext,
  type RuntimeInvoker,
  type StrategyLanguage,
} from '@stratex/core';
import { DEFAULT_SEED } from '@stratex/market-data';
import { createLocalCandles } from './data/local-candles.js';
import { createLocalRuntimes } from './strategy-runtimes.js';
import { systemClock } from './system-clock.js';

export interface LocalExecutionOptions {
  /** The file the `csv` provider reads (`--data`). */
  csvFile?: string;
  clock?: Clock;
  /** STRATEX_HOME, where the candle store lives (default: the environment's, or ~/.stratex). */
  home?: string;
  /** Another runtime than the local ones (tests). */
  runtime?: RuntimeInvoker;
  onInternalError?: (err: unknown) => void;
}

export interface LocalExecution {
  /**
   * Starts the runtime of `language` now (run() does it too): a caller that knows the language before
   * it has read the strategy and the data lets the runtime's start overlap with that reading.
   */
  warmUp(language: StrategyLanguage): void;
  /** `context.userId` keeps runs of different users in different sandbox instances (the API sets it). */
  run(request: ExecutionRequest, context?: RunContext): Promise<ExecutionResult>;
  /** Ends the runtime's child processes; call it when done so the process can exit. */
  close(): Promise<void>;
}

/** Wires the real adapters of one machine into the core's execution service. */
export function createLocalExecution(options: LocalExecutionOptions = {}): LocalExecution {
  const clock = options.clock ?? systemClock;
  const runtimes = options.runtime === undefined ? createLocalRuntimes() : undefined;
  const candles = createLocalCandles({
    clock,
    ...(options.csvFile === undefined ? {} : { csvFile: options.csvFile }),
    ...(options.home === undefined ? {} : { home: options.home }),
  });
  const service = createExecutionService({
    candles,
    runtime: options.runtime ?? runtimes!,
    engineVersion: ENGINE_VERSION,
    ...(options.onInternalError === undefined ? {} : { onInternalError: options.onInternalError }),
  });
  return {
    warmUp: (language) => runtimes?.warmUp(language),
    run: (request, context) => {
      runtimes?.warmUp(request.language);
      // The seed in the request as run makes a synthetic result reproducible from its JSON alone.
      const seeded = request.providerId === 'synthetic' && request.seed === undefined;
      return service.run(seeded ? { ...request, seed: DEFAULT_SEED } : request, context);
    },
    close: async () => {
      await Promise.all([runtimes?.close(), candles.close()]);
    },
  };
}
