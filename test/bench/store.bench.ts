// bench:store: how many rows a second the embedded DynamoDB-protocol store (dynalite on LevelDB, in its own process,
// as `marquee run` starts it) absorbs through the project's batched writes, nothing else running: the floor under
// any cycle's write time. Per row shape: a flat row, one also in a GSI, a story-like row of nested members written
// as attributes, and the same record packed into one JSON attribute (packRow, as the item, story and event rows are
// written), with the CPU each side spends per row (this process: SDK marshalling, signing, HTTP; the store's process:
// validation, LevelDB).
// Run: npm run bench:store [-- --rows 20000]
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedDynamo } from '../../shared/store/embedded-dynamo.js';
import { createDynamoClient, ensureTable } from '../../shared/store/dynamo-client.js';
import { DynamoTable, packRow, type Row } from '../../shared/store/dynamo-table.js';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '20000' } } });
const N = Number(args.rows);

/** A story-like record: 15 members of 6 fields, one of them nested (about 3 KB, ~150 attributes). */
function members(i: number) {
  return Array.from({ length: 15 }, (_, j) => ({
    itemId: `i${i}-${j}`,
    sourceId: `src-${j % 7}`,
    title: `Studio sets release date for sequel number ${j}`,
    time: '2026-11-20T17:00:00.000Z',
    url: `https://outlet-${j % 7}.example/2026/11/${i}-${j}/`,
    features: { tokens: 'studio sets release date sequel', titles: ['sequel'], studios: ['studio'] },
  }));
}

const SHAPES: Array<{ name: string; row: (i: number) => Row }> = [
  { name: 'flat row, ~800 B', row: (i) => ({ pk: `ITEM#${i}`, sk: 'A', entity: 'item', text: 'x'.repeat(800) }) },
  {
    name: 'flat row, ~800 B, also in a GSI',
    row: (i) => ({ pk: `ITEM#${i}`, sk: 'A', entity: 'item', text: 'x'.repeat(800), gsi1pk: `SRC#${i % 100}`, gsi1sk: `2026-11-${String((i % 28) + 1).padStart(2, '0')}#${i}` }),
  },
  { name: 'story of 15 members as attributes (~150)', row: (i) => ({ pk: `STORY#${i}`, sk: 'A', entity: 'story', id: `s${i}`, members: members(i) }) },
  { name: 'the same story packed (packRow)', row: (i) => packRow({ pk: `STORY#${i}`, sk: 'A', entity: 'story', id: `s${i}`, members: members(i) }) },
];

/** CPU time (ms) of a process so far, from /proc (Linux), or NaN. */
function cpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

console.log(`bench:store — node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start; ${N} rows a shape, a fresh store each`);
console.log('| row shape | s | rows/s | client CPU µs/row | store CPU µs/row |');
console.log('| --- | --- | --- | --- | --- |');
for (const shape of SHAPES) {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-store-bench-'));
  const store = await startEmbeddedDynamo({ path: join(dir, 'db'), ownProcess: true });
  try {
    const client = createDynamoClient({ endpoint: store.endpoint, region: 'us-east-1' });
    await ensureTable(client, 'bench');
    const t = new DynamoTable(client, 'bench');
    const rows = Array.from({ length: N }, (_, i) => shape.row(i));
    const c0 = process.cpuUsage();
    const s0 = cpuMs(store.pid!);
    const t0 = performance.now();
    await t.batchWrite(rows.map((Item) => ({ PutRequest: { Item } })));
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const s = cpuMs(store.pid!) - s0;
    const perRow = (v: number) => (Number.isFinite(v) ? String(Math.round((v * 1000) / N)) : '–');
    console.log(`| ${shape.name} | ${(ms / 1000).toFixed(2)} | ${Math.round((N / ms) * 1000)} | ${perRow((c.user + c.system) / 1000)} | ${perRow(s)} |`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
console.log('\ncommand: npm run bench:store' + (process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''));
