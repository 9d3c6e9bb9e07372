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
const levelModule = createRequire(createRequire(import.meta.url).resolve('dynalite'))('level');
levelModule.Level = groupCommitLevel(levelModule.Level, { writeBufferSize: 64 << 20, cacheSize: 64 << 20 });
const { default: dynalite } = await import('dynalite');

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
