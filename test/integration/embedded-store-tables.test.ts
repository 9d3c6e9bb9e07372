// The embedded store in its own process keeps table definitions in memory for item operations: a table deleted and
// created again with another key schema is read with its new definition at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startEmbeddedDynamo, type EmbeddedDynamo } from '../../shared/store/embedded-dynamo.js';
import { createDynamoClient } from '../../shared/store/dynamo-client.js';

const THROUGHPUT = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };
let store: EmbeddedDynamo;
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
beforeAll(async () => {
  store = await startEmbeddedDynamo({ ownProcess: true });
  client = createDynamoClient({ endpoint: store.endpoint });
  doc = DynamoDBDocumentClient.from(client);
});
afterAll(async () => {
  client.destroy();
  await store.close();
});

async function active(name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const t = (await client.send(new DescribeTableCommand({ TableName: name }))).Table!;
    if (t.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${name} never became active`);
}

describe('table definitions in the store process', () => {
  it('writes and reads a table made again with another key schema by its new definition', async () => {
    const name = 'defs';
    await client.send(new CreateTableCommand({ TableName: name, ProvisionedThroughput: THROUGHPUT, KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] }));
    await active(name);
    // Item operations read (and keep) the definition.
    await doc.send(new BatchWriteCommand({ RequestItems: { [name]: [1, 2, 3].map((i) => ({ PutRequest: { Item: { pk: `a${i}`, gk: 'g' } } })) } }));

    const first = await doc.send(new QueryCommand({ TableName: name, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'a2' } }));
    expect(first.Items).toEqual([{ pk: 'a2', gk: 'g' }]);

    // Deleted and made again with a sort key: two items with one partition key are two items, not one overwritten.
    await client.send(new DeleteTableCommand({ TableName: name }));
    for (let i = 0; i < 100; i++) {
      try {
        await client.send(new DescribeTableCommand({ TableName: name }));
        await new Promise((r) => setTimeout(r, 20));
      } catch {
        break;
      }
    }
    await client.send(
      new CreateTableCommand({
        TableName: name,
        ProvisionedThroughput: THROUGHPUT,
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
      }),
    );
    await active(name);
    await doc.send(new BatchWriteCommand({ RequestItems: { [name]: ['x', 'y'].map((sk) => ({ PutRequest: { Item: { pk: 'p', sk } } })) } }));
    const both = await doc.send(new QueryCommand({ TableName: name, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'p' } }));
    expect(both.Items).toEqual([{ pk: 'p', sk: 'x' }, { pk: 'p', sk: 'y' }]);
  });
});
