import { describeOnDynamoLocal } from '../test-support/dynamodb-local.js';
import { executionRepoSuite, freshExecutionRepo } from '../test-support/execution-repo-suite.js';

describeOnDynamoLocal('ExecutionRepo', (client) => {
  executionRepoSuite('DynamoDB Local (-inMemory)', () => freshExecutionRepo(client()));
});
