// Test helper: an embedded DynamoDB-protocol server on 127.0.0.1 with a fresh table per call.
import { randomUUID } from 'node:crypto';
import { startEmbeddedDynamo, type EmbeddedDynamo } from '../../shared/store/embedded-dynamo.js';
import { createDynamoClient, ensureTable } from '../../shared/store/dynamo-client.js';
import { DynamoStore } from '../../shared/store/dynamo.store.js';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface TestStore {
  store: DynamoStore;
  client: DynamoDBClient;
  tableName: string;
  endpoint: string;
  close(): Promise<void>;
}

let shared: EmbeddedDynamo | null = null;
let users = 0;

/** A DynamoStore over a new table on a (per test file) embedded server. */
export async function openTestStore(): Promise<TestStore> {
  shared ??= await startEmbeddedDynamo();
  users++;
  const client = createDynamoClient({ endpoint: shared.endpoint });
  const tableName = `t-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  return {
    store: new DynamoStore({ client, tableName }),
    client,
    tableName,
    endpoint: shared.endpoint,
    close: async () => {
      client.destroy();
      if (--users === 0 && shared) {
        await shared.close();
        shared = null;
      }
    },
  };
}
