/**
 * Optimistic concurrency for one item, without transactions (DESIGN.md): read it with its version `v`,
 * decide what to write, put it only if `v` is still what was read, and on a lost race read again.
 */
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

const MAX_ATTEMPTS = 50;

/** What to do with an item: write `attributes` (key and version are added), or nothing; `result` either way. */
export interface VersionedChange<T> {
  attributes?: Item;
  result: T;
}

/**
 * Applies `change` to the item at `key` (undefined when there is none yet) until its conditional put wins;
 * `what` names the item in the error when 50 attempts all lose to other writers.
 */
export async function putVersioned<T>(
  client: DynamoDBClient,
  tableName: string,
  key: Item,
  what: string,
  change: (item: Item | undefined) => VersionedChange<T>,
): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const got = await client.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    const version = got.Item === undefined ? 0 : Number(got.Item.v.N);
    const { attributes, result } = change(got.Item);
    if (attributes === undefined) return result;
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: { ...attributes, ...key, v: { N: String(version + 1) } },
          ...versionCondition(version),
        }),
      );
      return result;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
  throw new Error(`${what}: too many concurrent writers`);
}

function versionCondition(version: number) {
  return version === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': { N: String(version) } } };
}
