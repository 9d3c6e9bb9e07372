// The compiled CLI's reading worker (dist/cli-*/reading-worker.mjs, built by functions/cli/compile.mjs): the same
// loop as reading-worker.mjs, which runs from the sources through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { createEmbeddedAnalyst, type EmbeddedStory } from './embedded-analyst.js';

const { competitors, slate, clock } = workerData as { competitors: never[]; slate: never[]; clock?: string };
const rules = createEmbeddedAnalyst({ competitors, slate, now: clock ? () => new Date(clock) : undefined });
const port = parentPort!;

port.on('message', ({ id, docs }: { id: number; docs: EmbeddedStory[] }) => {
  try {
    port.postMessage({ id, readings: docs.map((d) => rules.extract(d)) });
  } catch (err) {
    port.postMessage({ id, error: String((err as Error)?.message ?? err) });
  }
});
port.postMessage({ ready: true });
