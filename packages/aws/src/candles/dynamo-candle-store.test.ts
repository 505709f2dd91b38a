import { candleStoreSuite } from '../test-support/candle-store-suite.js';
import { describeOnDynamoLocal } from '../test-support/dynamodb-local.js';
import { freshStore } from '../test-support/store-factory.js';

describeOnDynamoLocal('CandleStore', (client) => {
  candleStoreSuite('DynamoDB Local (-inMemory)', () => freshStore(client()));
});
