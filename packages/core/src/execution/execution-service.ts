/**
 * The execution service: request → candles → strategy (in its runtime) → validated output → engine →
 * result (CONTRACT.md section 3), with the look-ahead check of section 2. Every mode runs backtests
 * through it; it never throws: a failure is a result with `status: "failed"` and a contract error.
 */
import { simulate } from '../engine/simulate.js';
import { type StratexError, toStratexError } from '../errors.js';
import { normalizeOutput } from '../output/normalize.js';
import type { NormalizedOutput } from '../output/normalized-output.js';
import { dropWarmup } from '../output/warmup.js';
import {
  type CandleProvider,
  type CandleSet,
  LOCAL_OWNER,
  type RuntimeInvoker,
  type StrategyData,
  type StrategyJob,
} from '../ports.js';
import type { Bars } from '../types.js';
import { dataHash } from './data-hash.js';
import { newExecutionId } from './execution-id.js';
import { type ExecutionRequest, type ResolvedRequest, resolveRequest } from './execution-request.js';
import type { ExecutionResult, FailedExecution, SucceededExecution } from './execution-result.js';
import { checkLookAhead, prefixOf } from './look-ahead.js';
import { nullableIndicators } from './nullable-indicators.js';
import { requestAsReceived, requestAsRun } from './request-as-run.js';

export interface ExecutionDeps {
  candles: CandleProvider;
  runtime: RuntimeInvoker;
  /** Version of the engine's fill rules and metrics, reported in diagnostics. */
  engineVersion: string;
  newId?: () => string;
  /** Sees every error that became `INTERNAL`, for the operator's logs (the user sees a bland message). */
  onInternalError?: (err: unknown) => void;
}

/** Who a run is for, decided by the trusted caller (the API's authenticated user), never by the request. */
export interface RunContext {
  /** The user id; the runtime never runs jobs of different users in one sandbox instance (default `'local'`). */
  userId?: string;
}

export interface ExecutionService {
  /** Runs a backtest; resolves with a failed result rather than rejecting. */
  run(request: ExecutionRequest, context?: RunContext): Promise<ExecutionResult>;
}

/** An execution service over the given ports. */
export function createExecutionService(deps: ExecutionDeps): ExecutionService {
  return {
    async run(input: ExecutionRequest, context: RunContext = {}): Promise<ExecutionResult> {
      const started = performance.now();
      const id = (deps.newId ?? newExecutionId)();
      let request: ResolvedRequest | undefined;
      try {
        request = resolveRequest(input);
        return await backtest(deps, { id, owner: context.userId ?? LOCAL_OWNER, started }, request);
      } catch (err) {
        const error = toStratexError(err);
        if (error !== err) deps.onInternalError?.(err);
        return failed(
          id,
          request === undefined ? requestAsReceived(input) : requestAsRun(request, request.parameters),
          error,
          started,
        );
      }
    },
  };
}

async function backtest(
  deps: ExecutionDeps,
  { id, owner, started }: { id: string; owner: string; started: number },
  request: ResolvedRequest,
): Promise<SucceededExecution> {
  const candles = await deps.candles.candles({
    provider: request.providerId,
    symbol: request.symbol,
    timeframe: request.timeframe,
    from: request.from,
    to: request.to,
    warmupBars: request.warmup,
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  });
  const job: StrategyJob = {
    code: request.code,
    language: request.language,
    data: prefixOf(candles.data, candles.data.timestamp.length),
    params: request.parameters,
    limits: request.limits,
    owner,
  };
  const strategyStarted = performance.now();
  const run = await deps.runtime.run(job);
  const strategyMs = performance.now() - strategyStarted;
  const counted = dropWarmup(normalizeOutput(run.output, job.data.timestamp.length), candles.warmupBars);
  const simulation = simulate(countedBars(job.data, candles.warmupBars), counted, request.options);
  const lookAheadStarted = performance.now();
  const lookAhead =
    run.style === 'event'
      ? { verdict: 'not-applicable' as const, warnings: [] }
      : await checkLookAhead({ runtime: deps.runtime, job, warmupBars: candles.warmupBars, counted });
  const lookAheadMs = performance.now() - lookAheadStarted;
  return {
    id,
    status: 'succeeded',
    request: requestAsRun(request, run.params),
    ...simulation,
    indicators: nullableIndicators(counted),
    llmAnalysis: null,
    diagnostics: {
      durationMs: round(performance.now() - started),
      strategyMs: round(strategyMs),
      lookAheadMs: round(lookAheadMs),
      ...dataDiagnostics(candles, counted),
      runtime: request.language === 'python' ? 'python' : 'node',
      isolation: run.isolation,
      lookAhead: lookAhead.verdict,
      ...(lookAhead.bar === undefined ? {} : { lookAheadBar: lookAhead.bar }),
      dataHash: dataHash(job.data),
      engineVersion: deps.engineVersion,
      sdkVersion: run.sdkVersion,
      logs: run.logs,
      warnings: [...candles.warnings, ...lookAhead.warnings],
    },
  };
}

function dataDiagnostics(candles: CandleSet, counted: NormalizedOutput) {
  return {
    bars: counted.bars,
    warmupBars: candles.warmupBars,
    gaps: candles.gaps,
    missingBars: candles.missingBars,
    duplicatesDropped: candles.duplicatesDropped,
  };
}

/** The bars the engine sees: the counted ones, after the warm-up. */
function countedBars(data: StrategyData, warmupBars: number): Bars {
  return {
    time: data.timestamp.subarray(warmupBars),
    open: data.open.subarray(warmupBars),
    high: data.high.subarray(warmupBars),
    low: data.low.subarray(warmupBars),
    close: data.close.subarray(warmupBars),
    volume: data.volume.subarray(warmupBars),
  };
}

function failed(
  id: string,
  request: FailedExecution['request'],
  error: StratexError,
  started: number,
): FailedExecution {
  return {
    id,
    status: 'failed',
    request,
    error: error.toBody().error,
    diagnostics: { durationMs: round(performance.now() - started) },
  };
}

/** Durations to 0.1 ms: finer digits are noise. */
function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
