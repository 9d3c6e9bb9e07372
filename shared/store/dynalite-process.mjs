// The embedded DynamoDB-protocol server (dynalite) in a process of its own, so it runs on another core
// than the cycle: started and owned by embedded-dynamo.ts (plain JavaScript: starts without a loader).
// Usage (by fork only): node dynalite-process.mjs [dataPath]
import http from 'node:http';
import { createRequire } from 'node:module';
import { groupCommitLevel } from './group-commit-level.mjs';

const path = process.argv[2] || undefined;
// dynalite opens LevelDB with its defaults (a 4 MiB write buffer, an 8 MiB block cache): a cold cycle's tens of
// thousands of rows then go through many small flushes and compactions. A larger buffer and cache cut the 50× cold
// cycle by ~9% (bench:scale, 34.2 → 31.0 s, alternating runs); dynalite itself gives no way to pass them, so the
// class it takes from `level` is replaced here, before dynalite is loaded, by one that also groups writes into
// batches and reads synchronously (group-commit-level.mjs).
const requireFromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const levelModule = requireFromDynalite('level');
levelModule.Level = groupCommitLevel(levelModule.Level, { writeBufferSize: 64 << 20, cacheSize: 64 << 20 });
cacheTableDefinitions(requireFromDynalite('./db'));
const { default: dynalite } = await import('dynalite');

/**
 * dynalite reads the table's definition from LevelDB and decodes its JSON before every item it reads or writes (a
 * batch of 25 puts reads it 26 times). Item operations (the callers that ask for an active table) get it from memory
 * here; a definition is kept only while ACTIVE and dropped on any write or delete of a definition (a read begun before
 * one is not kept); table operations (create, update, delete, describe, tags: the callers that may change the object)
 * read it as before.
 */
function cacheTableDefinitions(db) {
  const create = db.create;
  db.create = (options) => {
    const store = create(options);
    const active = new Map();
    // Bumped by every write or delete of a definition: a read that started before one is not kept.
    let generation = 0;
    const getTable = store.getTable;
    store.getTable = (name, checkStatus, cb) => {
      if (typeof checkStatus === 'function') [cb, checkStatus] = [checkStatus, true];
      if (!checkStatus) return getTable(name, false, cb);
      const known = active.get(name);
      if (known) return queueMicrotask(() => cb(null, known));
      const started = generation;
      getTable(name, true, (err, table) => {
        if (!err && table?.TableStatus === 'ACTIVE' && started === generation) active.set(name, table);
        cb(err, table);
      });
    };
    const tables = store.tableDb;
    for (const method of ['put', 'del']) {
      const original = tables[method];
      tables[method] = (key, ...rest) => {
        generation++;
        active.delete(key);
        return original.call(tables, key, ...rest);
      };
    }
    const batch = tables.batch;
    tables.batch = (...args) => {
      generation++;
      active.clear();
      return batch.apply(tables, args);
    };
    const recreate = store.recreate;
    if (recreate) store.recreate = (...args) => (generation++, active.clear(), recreate.apply(store, args));
    return store;
  };
}

/** Tells the parent why the store did not start (delivered before exiting), then exits. */
function fail(reason) {
  if (process.send) process.send({ error: reason }, () => process.exit(1));
  else process.exit(1);
}

// LevelDB allows one process per data dir. dynalite opens it lazily and reports a locked dir only as
// a closed iterator: open it once here first, so the parent hears the real reason ("…LOCK…").
if (path) {
  const db = new levelModule.Level(path);
  try {
    await db.open();
    await db.close();
  } catch (err) {
    fail(`${err?.cause?.message ?? err?.message ?? err}`);
    await new Promise(() => {}); // exits once the parent has the reason
  }
}

const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
let closing = false;

function shutdown(code) {
  if (closing) return;
  closing = true;
  server.closeAllConnections?.();
  // Closing the server closes LevelDB (releasing the data dir's lock); give it a moment, then go regardless.
  setTimeout(() => process.exit(code), 3000).unref();
  server.close(() => process.exit(code));
}

/** One request that reads the store: a data dir locked by another process fails here, not later. */
function probe(port) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          'x-amz-date': '20260101T000000Z',
          authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(body || `HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

// A store that cannot open (a data dir locked by another process) fails asynchronously inside LevelDB:
// report it to the parent as a start failure, with the reason.
process.on('uncaughtException', (err) => fail(err?.cause?.message ?? err?.message ?? String(err)));

// Never outlive the parent: its IPC channel closes when it exits, however it exits (even SIGKILL).
process.on('disconnect', () => shutdown(0));
process.on('message', (m) => m === 'close' && shutdown(0));
process.on('SIGTERM', () => shutdown(0));
// Ctrl-C reaches the whole process group; the parent decides when the store closes (after its last write).
process.on('SIGINT', () => {});

server.on('error', (err) => fail(err.message));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  probe(port).then(
    () => process.send?.({ port }),
    (err) => fail(err.message),
  );
});
