/**
 * The embedded DynamoDB-compatible server of one machine: dynalite in this process, on a random
 * 127.0.0.1 port, persisted in a LevelDB directory (in memory without one), so the DynamoDB code of
 * packages/aws runs on a laptop without Java or AWS.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { createLocalDynamoClient, type DynamoDBClient } from '@stratex/aws';

type Dynalite = (options: {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => Server;

export interface EmbeddedDynamo {
  client: DynamoDBClient;
  endpoint: string;
  /** Stops the server and closes its database. */
  close(): Promise<void>;
}

/** Starts dynalite; `dir` persists the data (created if missing), omitted keeps it in memory. */
export async function startEmbeddedDynamo(dir?: string): Promise<EmbeddedDynamo> {
  const dynalite = createRequire(import.meta.url)('dynalite') as Dynalite;
  if (dir !== undefined) mkdirSync(dir, { recursive: true });
  const server = dynalite({
    ...(dir === undefined ? {} : { path: dir }),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createLocalDynamoClient(endpoint);
  return {
    client,
    endpoint,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
