// bench:store: how many rows a second the embedded DynamoDB-protocol store (dynalite on LevelDB, in its own process,
// as `marquee run` starts it) absorbs through the project's batched writes, nothing else running: the floor under
// any cycle's write time. Run: npm run bench:store [-- --rows 20000 --bytes 800]
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedDynamo } from '../../shared/store/embedded-dynamo.js';
import { createDynamoClient, ensureTable } from '../../shared/store/dynamo-client.js';
import { DynamoTable } from '../../shared/store/dynamo-table.js';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '20000' }, bytes: { type: 'string', default: '800' } } });
const N = Number(args.rows);
const BYTES = Number(args.bytes);

console.log(`bench:store — node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start`);
for (const gsi of [false, true]) {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-store-bench-'));
  const store = await startEmbeddedDynamo({ path: join(dir, 'db'), ownProcess: true });
  try {
    const client = createDynamoClient({ endpoint: store.endpoint, region: 'us-east-1' });
    await ensureTable(client, 'bench');
    const t = new DynamoTable(client, 'bench');
    const pad = 'x'.repeat(BYTES);
    const rows = Array.from({ length: N }, (_, i) => ({
      pk: `ITEM#${i}`,
      sk: 'A',
      entity: 'item',
      text: pad,
      ...(gsi ? { gsi1pk: `SRC#${i % 100}`, gsi1sk: `2026-11-${String((i % 28) + 1).padStart(2, '0')}#${i}` } : {}),
    }));
    const t0 = performance.now();
    await t.batchWrite(rows.map((Item) => ({ PutRequest: { Item } })));
    const ms = performance.now() - t0;
    console.log(`${N} rows of ~${BYTES} B${gsi ? ', each also in a GSI' : ''}: ${(ms / 1000).toFixed(2)} s = ${Math.round((N / ms) * 1000)} rows/s`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
