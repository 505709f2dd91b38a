/** Every item a DynamoDB Query matches, across its pages (a page stops at 1 MB, so one call may not see all). */
import {
  type AttributeValue,
  type DynamoDBClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/** The items of `input`'s query, page after page, in the table's order. */
export async function* queryItems(client: DynamoDBClient, input: QueryCommandInput): AsyncGenerator<Item> {
  let startKey: Item | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    yield* page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}
