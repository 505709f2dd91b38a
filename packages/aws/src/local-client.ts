/** A DynamoDB client for a server on this machine (DynamoDB Local, the embedded one). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Dummy credentials and region: local servers ignore them, but the SDK insists on having some. */
export function createLocalDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
}
