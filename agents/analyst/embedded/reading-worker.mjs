// A worker thread that reads documents with the embedded rules (the one-machine runtime's second core):
// started by reading-thread.ts. Plain JavaScript that loads the TypeScript rules through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { createEmbeddedAnalyst } = await tsImport('./embedded-analyst.ts', import.meta.url);
const { competitors, slate, clock } = workerData;
const rules = createEmbeddedAnalyst({ competitors, slate, now: clock ? () => new Date(clock) : undefined });

parentPort.on('message', ({ id, docs }) => {
  try {
    parentPort.postMessage({ id, readings: docs.map((d) => rules.extract(d)) });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.message ?? err) });
  }
});
parentPort.postMessage({ ready: true });
