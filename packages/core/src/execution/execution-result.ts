/** The result of an execution (CONTRACT.md section 3): strict JSON, camelCase, `null` for undefined values. */
import type { ErrorBody } from '../errors.js';
import type { RuntimeLimits, StrategyLanguage } from '../ports.js';
import type { EquitySeries, Metrics, SignalRecord, Trade } from '../types.js';

/** `detected` with `lookAheadBar`; `not-applicable` for on_bar strategies (causal by construction). */
export type LookAheadVerdict = 'none-detected' | 'detected' | 'not-applicable' | 'inconclusive';

/** The request as it was run: defaults filled in, dates as ISO strings, parameters as the strategy saw them. */
export interface RequestAsRun {
  mode: 'BACKTEST';
  strategyId?: string;
  language: StrategyLanguage;
  /** `sha256:…` of the strategy source (the source itself is not repeated). */
  codeHash: string;
  providerId: string;
  symbol: string;
  timeframe: string;
  startDate: string;
  endDate: string;
  parameters: Record<string, unknown>;
  warmup: number;
  cash: number;
  fee: number;
  slippage: number;
  lotSize: number;
  limits: RuntimeLimits;
  seed?: number;
}

export interface ExecutionDiagnostics {
  /** Wall time of the whole execution. */
  durationMs: number;
  /** Wall time of the main strategy run (runtime included). */
  strategyMs: number;
  /** Wall time of the look-ahead re-runs. */
  lookAheadMs: number;
  /** Counted bars (the engine's). */
  bars: number;
  /** Warm-up bars fed before them. */
  warmupBars: number;
  gaps: number;
  missingBars: number;
  duplicatesDropped: number;
  /** `node` or `python`. */
  runtime: string;
  isolation: string;
  lookAhead: LookAheadVerdict;
  /** First counted bar whose output changed when later bars were hidden. */
  lookAheadBar?: number;
  /** `sha256:…` of the candles fed to the strategy (see dataHash). */
  dataHash: string;
  engineVersion: string;
  sdkVersion: string;
  logs: string;
  warnings: string[];
}

export interface SucceededExecution {
  id: string;
  status: 'succeeded';
  request: RequestAsRun;
  signals: SignalRecord[];
  trades: Trade[];
  metrics: Metrics;
  equity: EquitySeries;
  /** Indicator series of the counted bars, `null` where undefined. */
  indicators: Record<string, (number | null)[]>;
  llmAnalysis: null;
  diagnostics: ExecutionDiagnostics;
}

export interface FailedExecution extends ErrorBody {
  id: string;
  status: 'failed';
  /** The request as run when it was valid, else its plain fields as received (never the source). */
  request: RequestAsRun | Record<string, unknown>;
  diagnostics: { durationMs: number; logs?: string };
}

export type ExecutionResult = SucceededExecution | FailedExecution;
