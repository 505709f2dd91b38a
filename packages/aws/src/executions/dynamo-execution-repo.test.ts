import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe } from 'vitest';
import { createLocalDynamoClient } from '../local-client.js';
import { hasJava, type RunningDynamoLocal, startDynamoLocal } from '../test-support/dynamodb-local.js';
import { executionRepoSuite, freshExecutionRepo } from '../test-support/execution-repo-suite.js';

const java = hasJava();
if (!java && process.env.CI === 'true') throw new Error('DynamoDB Local needs Java, which CI=true requires');
if (!java) console.warn('[skip] ExecutionRepo on DynamoDB Local: no java on PATH');

(java ? describe : describe.skip)('DynamoDB Local', () => {
  let server: RunningDynamoLocal;
  let client: DynamoDBClient;
  beforeAll(async () => {
    server = await startDynamoLocal();
    client = createLocalDynamoClient(server.endpoint);
  }, 60_000);
  afterAll(async () => {
    client?.destroy();
    await server?.stop();
  });
  executionRepoSuite('DynamoDB Local (-inMemory)', () => freshExecutionRepo(client));
});
