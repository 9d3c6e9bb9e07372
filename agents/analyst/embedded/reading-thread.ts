// The embedded rules in a worker thread: reads batches of documents beside the main thread (the local runtime's second core).
import { Worker } from 'node:worker_threads';
import type { EventExtraction } from '../../../shared/model/event.js';
import type { Competitor, SlateTitle } from '../../../shared/model/workspace.js';
import type { EmbeddedStory } from './embedded-analyst.js';

export interface ReadingThread {
  /** The extractions of `docs`, in order, read in the worker. */
  read(docs: EmbeddedStory[]): Promise<EventExtraction[]>;
  close(): Promise<void>;
}

const SCRIPT = new URL('./reading-worker.mjs', import.meta.url);

/**
 * Starts a worker that reads with the same rules as `createEmbeddedAnalyst(context)` (same workspace,
 * same pinned clock), so its readings are exactly the main thread's. The worker never keeps the
 * process alive; a failed worker rejects its reads (callers read on the main thread instead).
 */
export function startReadingThread(context: { competitors: Competitor[]; slate: SlateTitle[]; clock?: string }): ReadingThread {
  const worker = new Worker(SCRIPT, { workerData: { competitors: context.competitors, slate: context.slate, clock: context.clock } });
  worker.unref();
  const waiting = new Map<number, { resolve: (x: EventExtraction[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  const failAll = (err: Error) => {
    failed = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (m: { id?: number; readings?: EventExtraction[]; error?: string }) => {
    if (m.id === undefined) return;
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.readings) w?.resolve(m.readings);
    else w?.reject(new Error(m.error ?? 'reading failed'));
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`reading thread exited (${code})`)));
  return {
    read(docs) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, docs: docs.map((d) => ({ title: d.title, text: d.text, publishedAt: d.publishedAt })) });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
