/**
 * The request of a backtest: CONTRACT.md section 6's ExecutionRequest plus the run options of
 * sections 2 and 5 (cash, fee, slippage, lot size, warm-up, limits), and its checked, resolved form.
 */
import { resolveOptions } from '../engine/options.js';
import { StratexError } from '../errors.js';
import type { RuntimeLimits, StrategyLanguage } from '../ports.js';
import type { SimulationOptions } from '../types.js';
import { parseInstant } from './instant.js';

export interface ExecutionRequest {
  strategyId?: string;
  /** The strategy's source. */
  code: string;
  language: StrategyLanguage;
  providerId: string;
  symbol: string;
  timeframe: string;
  /** ISO 8601 date or date-time (UTC unless an offset is given), or ms since the epoch. */
  startDate: string | number;
  endDate: string | number;
  mode?: 'BACKTEST';
  /** Overrides of the strategy's defaults; strings (from `--param k=v`) are typed by the runtime. */
  parameters?: Record<string, unknown>;
  /** Bars before `startDate` fed to the strategy but not traded (default 0). */
  warmup?: number;
  cash?: number;
  fee?: number;
  slippage?: number;
  lotSize?: number;
  limits?: Partial<RuntimeLimits>;
  /** Seed of the synthetic provider. */
  seed?: number;
}

export const DEFAULT_LIMITS: RuntimeLimits = { timeoutMs: 10_000, memoryMb: 256 };
const MAX_TIMEOUT_MS = 15 * 60_000;
const MEMORY_MB_RANGE = [16, 8192] as const;
const MAX_WARMUP = 1_000_000;
const LANGUAGES: readonly StrategyLanguage[] = ['python', 'javascript', 'typescript'];

/** A request with every default filled in and every value checked. */
export interface ResolvedRequest {
  strategyId?: string;
  code: string;
  language: StrategyLanguage;
  providerId: string;
  symbol: string;
  timeframe: string;
  from: number;
  to: number;
  parameters: Record<string, unknown>;
  warmup: number;
  options: SimulationOptions;
  limits: RuntimeLimits;
  seed?: number;
}

function invalid(field: string, message: string): StratexError {
  return new StratexError('INVALID_REQUEST', message, { field });
}

function requireText(request: ExecutionRequest, field: 'code' | 'providerId' | 'symbol' | 'timeframe'): string {
  const value = request[field];
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, `${field} is required`);
  return value;
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `${field} must be a whole number in [${min}, ${max}]; got ${String(value)}`);
  }
  return value;
}

function resolveLimits(limits: Partial<RuntimeLimits> = {}): RuntimeLimits {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw invalid('timeoutMs', `the timeout must be more than 0 and at most 15 minutes; got ${String(timeoutMs)} ms`);
  }
  const memoryMb = wholeNumber(limits.memoryMb ?? DEFAULT_LIMITS.memoryMb, 'memoryMb', ...MEMORY_MB_RANGE);
  return { timeoutMs, memoryMb };
}

/** Checks a request and fills in its defaults; `INVALID_REQUEST` naming the field otherwise. */
export function resolveRequest(request: ExecutionRequest): ResolvedRequest {
  if (typeof request !== 'object' || request === null) throw invalid('request', 'the request must be an object');
  if (request.mode !== undefined && request.mode !== 'BACKTEST') {
    throw invalid('mode', `mode ${String(request.mode)} is not run by the backtest service`);
  }
  if (!LANGUAGES.includes(request.language)) {
    throw invalid('language', `language must be one of ${LANGUAGES.join(', ')}; got ${String(request.language)}`);
  }
  const from = parseInstant(request.startDate, 'startDate');
  const to = parseInstant(request.endDate, 'endDate');
  if (!(from < to)) throw invalid('endDate', 'endDate must be after startDate');
  const parameters = request.parameters ?? {};
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    throw invalid('parameters', 'parameters must be an object of name → value');
  }
  const resolved: ResolvedRequest = {
    code: requireText(request, 'code'),
    language: request.language,
    providerId: requireText(request, 'providerId'),
    symbol: requireText(request, 'symbol'),
    timeframe: requireText(request, 'timeframe'),
    from,
    to,
    parameters,
    warmup: wholeNumber(request.warmup ?? 0, 'warmup', 0, MAX_WARMUP),
    options: resolveOptions({
      cash: request.cash,
      fee: request.fee,
      slippage: request.slippage,
      lotSize: request.lotSize,
    }),
    limits: resolveLimits(request.limits),
  };
  if (request.strategyId !== undefined) resolved.strategyId = request.strategyId;
  if (request.seed !== undefined) resolved.seed = wholeNumber(request.seed, 'seed', 0, Number.MAX_SAFE_INTEGER);
  return resolved;
}
