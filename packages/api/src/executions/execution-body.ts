/**
 * The body of `POST /v1/executions`: CONTRACT.md section 6's ExecutionRequest plus the run options of
 * sections 2 and 5 (cash, fee, slippage, lotSize, warmup, limits, seed). Shapes are checked here, field
 * by field; ranges and dates by the core's resolveRequest — both as INVALID_REQUEST naming the field.
 */
import { type ExecutionRequest, type ResolvedRequest, resolveRequest, StratexError } from '@stratex/core';
import { invalid } from '../http/error-response.js';
import { checkCodeSize, checkParameters, checkTextField } from './field-limits.js';

const MODES = ['BACKTEST', 'PAPER', 'LIVE'] as const;

type Kind = 'string' | 'number' | 'date' | 'object' | 'any';

const FIELDS: Record<string, Kind> = {
  strategyId: 'string',
  code: 'string',
  language: 'string',
  providerId: 'string',
  symbol: 'string',
  timeframe: 'string',
  startDate: 'date',
  endDate: 'date',
  mode: 'string',
  parameters: 'object',
  llmConfig: 'any',
  warmup: 'number',
  cash: 'number',
  fee: 'number',
  slippage: 'number',
  lotSize: 'number',
  limits: 'object',
  seed: 'number',
};

const LIMIT_FIELDS = ['timeoutMs', 'memoryMb'];

/** A checked backtest request and its resolved form (dates in ms, defaults filled in). */
export interface BacktestBody {
  request: ExecutionRequest;
  resolved: ResolvedRequest;
}

/** Parses the raw body; malformed JSON and every wrong field are INVALID_REQUEST (400). */
export function parseExecutionBody(text: string): BacktestBody {
  const body = parseJson(text);
  checkShape(body);
  if (!MODES.includes(body.mode as (typeof MODES)[number])) {
    throw invalid(`mode must be one of ${MODES.join(', ')}`, { field: 'mode' });
  }
  if (body.mode !== 'BACKTEST') {
    throw invalid(`mode ${String(body.mode)} is not built yet: only BACKTEST runs for now`, { field: 'mode' });
  }
  if (body.llmConfig !== undefined && body.llmConfig !== null) {
    throw invalid('llmConfig: LLM analysis of a run is not built yet', { field: 'llmConfig' });
  }
  if (body.code === undefined) {
    throw invalid('code is required (stored strategies, strategyId alone, are not built yet)', { field: 'code' });
  }
  checkCodeSize(body.code as string, body.language as string);
  const { llmConfig: _, ...request } = body as unknown as ExecutionRequest & { llmConfig?: unknown };
  return { request, resolved: resolveWithField(request) };
}

/** The core names a bad run option `details.option`; the API names every bad field `details.field`. */
function resolveWithField(request: ExecutionRequest): ResolvedRequest {
  try {
    return resolveRequest(request);
  } catch (err) {
    if (!(err instanceof StratexError)) throw err;
    const details = err.details;
    if (details === undefined || details.field !== undefined || typeof details.option !== 'string') throw err;
    throw new StratexError(err.code, err.message, { ...details, field: details.option });
  }
}

function parseJson(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('the body is not valid JSON', { field: 'body' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('the body must be a JSON object (an ExecutionRequest)', { field: 'body' });
  }
  return body as Record<string, unknown>;
}

function checkShape(body: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(body)) {
    const kind = FIELDS[field];
    if (kind === undefined) throw unknownField(field);
    if (value !== undefined && !hasKind(value, kind)) throw invalid(`${field} must be ${describe(kind)}`, { field });
  }
  for (const field of ['language', 'providerId', 'symbol', 'timeframe', 'startDate', 'endDate', 'mode']) {
    if (body[field] === undefined) throw invalid(`${field} is required`, { field });
  }
  for (const [field, value] of Object.entries(body)) {
    if (typeof value === 'string' && field !== 'code') checkTextField(field, value);
  }
  if (body.parameters !== undefined) checkParameters(body.parameters as Record<string, unknown>);
  const limits = (body.limits ?? {}) as Record<string, unknown>;
  for (const [field, value] of Object.entries(limits)) {
    if (!LIMIT_FIELDS.includes(field)) throw unknownField(`limits.${field}`);
    if (typeof value !== 'number') throw invalid(`limits.${field} must be a number`, { field: `limits.${field}` });
  }
}

/** Names a typo back to the caller, but not a name that is long or holds control characters. */
function unknownField(field: string) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  if (field.length > 64 || /[\u0000-\u001f\u007f]/.test(field)) return invalid('unknown field (its name is not shown)');
  return invalid(`unknown field "${field}"`, { field });
}

function hasKind(value: unknown, kind: Kind): boolean {
  if (kind === 'any') return true;
  if (kind === 'date') return typeof value === 'string' || typeof value === 'number';
  if (kind === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === kind;
}

function describe(kind: Kind): string {
  if (kind === 'date') return 'an ISO 8601 date or date-time string (or ms since the epoch)';
  if (kind === 'object') return 'a JSON object';
  return `a ${kind}`;
}
