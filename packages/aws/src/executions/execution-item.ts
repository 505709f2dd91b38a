/**
 * One execution record as one DynamoDB item: `pk` = `user#<userId>` (the owner's partition), `sk` = the
 * execution id (`exe_…`, which sorts by creation), then the record's fields as plain attributes. The
 * `user#` prefix keeps the items apart from the candle store's should both share one table.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type ExecutionRecord, type ExecutionStatus, isExecutionId, StratexError } from '@stratex/core';

export type Item = Record<string, AttributeValue>;

const USER_PREFIX = 'user#';
const MAX_USER_ID = 256;
/** Error messages beyond this are cut (the whole failure is in the result JSON): items stay small. */
export const MAX_ERROR_MESSAGE = 4000;
/** What an item stores besides its key; other properties of a record object are not the repo's. */
const STORED_FIELDS = [
  'status',
  'mode',
  'createdAt',
  'updatedAt',
  'strategyId',
  'language',
  'providerId',
  'symbol',
  'timeframe',
  'resultKey',
  'error',
] as const satisfies ReadonlyArray<keyof ExecutionRecord>;
const STATUSES: readonly ExecutionStatus[] = ['queued', 'running', 'succeeded', 'failed'];
const MODES: readonly ExecutionRecord['mode'][] = ['BACKTEST', 'PAPER', 'LIVE'];

export const isExecutionStatus = (status: unknown): status is ExecutionStatus =>
  STATUSES.includes(status as ExecutionStatus);

/** The partition of one user; an empty or oversized user id is a bug of the caller, refused loudly. */
export function userPartition(userId: string): AttributeValue {
  if (typeof userId !== 'string' || userId === '' || userId.length > MAX_USER_ID) {
    throw new StratexError('INVALID_REQUEST', 'a user id is 1 to 256 characters');
  }
  return { S: `${USER_PREFIX}${userId}` };
}

export function itemKey(userId: string, id: string): Item {
  return { pk: userPartition(userId), sk: { S: id } };
}

const str = (value: string): AttributeValue => ({ S: value });
const num = (value: number): AttributeValue => ({ N: String(value) });

/** A record's value as stored (optional fields only when present). */
export function fieldValue(name: keyof ExecutionRecord, value: unknown): AttributeValue {
  if (name === 'createdAt' || name === 'updatedAt') return num(value as number);
  if (name === 'error') {
    const error = value as NonNullable<ExecutionRecord['error']>;
    const message =
      error.message.length > MAX_ERROR_MESSAGE ? `${error.message.slice(0, MAX_ERROR_MESSAGE)}…` : error.message;
    return { M: { code: str(error.code), message: str(message) } };
  }
  return str(value as string);
}

/** The item of a record, after checking what DynamoDB would otherwise reject or store wrongly. */
export function toItem(record: ExecutionRecord): Item {
  checkRecord(record);
  const item: Item = itemKey(record.userId, record.id);
  for (const name of STORED_FIELDS) {
    if (record[name] !== undefined) item[name] = fieldValue(name, record[name]);
  }
  return item;
}

export function fromItem(item: Item): ExecutionRecord {
  const text = (name: string) => (item[name] === undefined ? undefined : item[name].S!);
  const record: ExecutionRecord = {
    id: item.sk.S!,
    userId: item.pk.S!.slice(USER_PREFIX.length),
    status: text('status') as ExecutionStatus,
    mode: text('mode') as ExecutionRecord['mode'],
    createdAt: Number(item.createdAt.N),
    updatedAt: Number(item.updatedAt.N),
    language: text('language') as ExecutionRecord['language'],
    providerId: text('providerId')!,
    symbol: text('symbol')!,
    timeframe: text('timeframe')!,
  };
  const strategyId = text('strategyId');
  const resultKey = text('resultKey');
  if (strategyId !== undefined) record.strategyId = strategyId;
  if (resultKey !== undefined) record.resultKey = resultKey;
  if (item.error?.M !== undefined) record.error = { code: item.error.M.code.S!, message: item.error.M.message.S! };
  return record;
}

function checkRecord(record: ExecutionRecord): void {
  const invalid = (what: string) => new StratexError('INVALID_REQUEST', `execution record: ${what}`);
  if (!isExecutionId(record.id)) throw invalid('the id is not an execution id (exe_…)');
  if (!isExecutionStatus(record.status)) throw invalid(`unknown status ${String(record.status)}`);
  if (!MODES.includes(record.mode)) throw invalid(`unknown mode ${String(record.mode)}`);
  if (!Number.isFinite(record.createdAt) || !Number.isFinite(record.updatedAt)) throw invalid('times are ms UTC');
  for (const name of ['language', 'providerId', 'symbol', 'timeframe'] as const) {
    if (typeof record[name] !== 'string') throw invalid(`${name} is missing`);
  }
}
