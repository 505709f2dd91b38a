/**
 * The ExecutionRepo on DynamoDB (and on anything speaking its API: DynamoDB Local, the embedded server).
 * A table of its own (`<prefix>executions`, made by ensureTable): partition `pk` = `user#<userId>`, sort
 * key `sk` = execution id (see execution-item.ts), so a user's runs newest first are one reverse query.
 * Every write is conditional, never a transaction: create only where no item is, update only while the
 * stored status is the expected one.
 */
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  type ExecutionChange,
  type ExecutionRecord,
  type ExecutionRepo,
  isExecutionId,
  type Page,
  StratexError,
} from '@stratex/core';
import { decodeCursor, encodeCursor } from './execution-cursor.js';
import { fieldValue, fromItem, isExecutionStatus, itemKey, toItem, userPartition } from './execution-item.js';

export interface DynamoExecutionRepoOptions {
  client: DynamoDBClient;
  /** A table with string keys `pk` and `sk` (ensureTable), e.g. `<prefix>executions`. */
  tableName: string;
}

const MAX_PAGE = 100;
const CHANGEABLE = ['status', 'updatedAt', 'resultKey', 'error'] as const;

/** An ExecutionRepo over one table. */
export function createDynamoExecutionRepo(options: DynamoExecutionRepoOptions): ExecutionRepo {
  const { client, tableName } = options;

  async function read(userId: string, id: string): Promise<ExecutionRecord | undefined> {
    const got = await client.send(
      new GetItemCommand({ TableName: tableName, Key: itemKey(userId, id), ConsistentRead: true }),
    );
    return got.Item === undefined ? undefined : fromItem(got.Item);
  }

  return {
    async create(record) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: toItem(record),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) {
          throw new StratexError('INVALID_REQUEST', `execution ${record.id} exists`);
        }
        throw err;
      }
    },

    async update(userId, id, change, expected) {
      if (!isExecutionId(id)) return false;
      const update = updateExpression(change);
      if (update === undefined) return (await read(userId, id))?.status === expected;
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: itemKey(userId, id),
            UpdateExpression: update.expression,
            // A missing item fails this too, so an update never creates one (UpdateItem would).
            ConditionExpression: '#status = :expected',
            ExpressionAttributeNames: { ...update.names, '#status': 'status' },
            ExpressionAttributeValues: { ...update.values, ':expected': { S: expected } },
          }),
        );
        return true;
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) return false;
        throw err;
      }
    },

    async get(userId, id) {
      userPartition(userId);
      return isExecutionId(id) ? read(userId, id) : undefined;
    },

    async list(userId, { limit, cursor }) {
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
        throw new StratexError('INVALID_REQUEST', `limit must be an integer from 1 to ${MAX_PAGE}`);
      }
      const pk = userPartition(userId);
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :exe)',
          ExpressionAttributeValues: { ':pk': pk, ':exe': { S: 'exe_' } },
          ScanIndexForward: false,
          // One more than asked: a next page exists exactly when it comes back.
          Limit: limit + 1,
          ExclusiveStartKey: after === undefined ? undefined : { pk, sk: { S: after } },
          ConsistentRead: true,
        }),
      );
      return toPage((page.Items ?? []).map(fromItem), limit, page.LastEvaluatedKey);
    },
  };
}

function toPage(
  records: ExecutionRecord[],
  limit: number,
  lastKey: Record<string, AttributeValue> | undefined,
): Page<ExecutionRecord> {
  if (records.length > limit) {
    const items = records.slice(0, limit);
    return { items, next: encodeCursor(items[limit - 1].id) };
  }
  // Fewer than asked yet a last key: the server stopped at its 1 MB page size, so there may be more.
  if (lastKey?.sk?.S !== undefined && records.length > 0) return { items: records, next: encodeCursor(lastKey.sk.S) };
  return { items: records };
}

/** `SET #a = :a, …` for the fields `change` holds (undefined ones are left alone). */
function updateExpression(change: ExecutionChange) {
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  const sets: string[] = [];
  for (const name of CHANGEABLE) {
    const value = change[name];
    if (value === undefined) continue;
    if (name === 'status' && !isExecutionStatus(value)) {
      throw new StratexError('INVALID_REQUEST', `unknown execution status ${String(value)}`);
    }
    if (name === 'updatedAt' && !Number.isFinite(value)) {
      throw new StratexError('INVALID_REQUEST', 'updatedAt is ms UTC');
    }
    names[`#${name}`] = name;
    values[`:${name}`] = fieldValue(name, value);
    sets.push(`#${name} = :${name}`);
  }
  return sets.length === 0 ? undefined : { expression: `SET ${sets.join(', ')}`, names, values };
}
