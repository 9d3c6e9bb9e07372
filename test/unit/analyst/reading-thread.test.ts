// The reading thread reads exactly as the main thread does, and the rules read each document once for hint and analyst.
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspaceFile } from '../../../shared/config/workspace-file.js';
import { createEmbeddedAnalyst } from '../../../agents/analyst/embedded/embedded-analyst.js';
import { startReadingThread, type ReadingThread } from '../../../agents/analyst/embedded/reading-thread.js';
import { embeddedRules } from '../../../agents/analyst/rule-hints.js';
import { loadDemoDocs } from '../../bench/eval-clustering.js';

let thread: ReadingThread | undefined;
afterAll(async () => thread?.close());

describe('reading thread', () => {
  it('reads demo items exactly as the main thread does (same rules, same pinned clock)', async () => {
    const ws = await loadWorkspaceFile('config/demo/workspace.yaml');
    const docs = (await loadDemoDocs()).docs.slice(0, 60).map((d) => ({ title: d.title, text: d.text, publishedAt: d.time }));
    thread = startReadingThread({ competitors: ws.competitors, slate: ws.slate, clock: ws.clock });
    const main = createEmbeddedAnalyst({ competitors: ws.competitors, slate: ws.slate, now: () => new Date(ws.clock!) });
    expect(await thread.read(docs)).toEqual(docs.map((d) => main.extract(d)));
  });

  it('read ahead, a document is read once for its hint and for the analyst of its story', async () => {
    const ws = await loadWorkspaceFile('config/demo/workspace.yaml');
    const docs = (await loadDemoDocs()).docs.slice(0, 20).map((d) => ({ title: d.title, text: d.text, publishedAt: d.time }));
    let reads = 0;
    const rules = embeddedRules(ws, () => new Date(ws.clock!), {
      thread: () => {
        const t = startReadingThread({ competitors: ws.competitors, slate: ws.slate, clock: ws.clock });
        return { read: async (d) => ((reads += d.length), t.read(d)), close: () => t.close() };
      },
    });
    await rules.readAhead(docs);
    expect(reads).toBe(20);
    const analyst = rules.createEmbedded({ competitors: ws.competitors, slate: ws.slate });
    const direct = createEmbeddedAnalyst({ competitors: ws.competitors, slate: ws.slate, now: () => new Date(ws.clock!) });
    for (const d of docs) {
      expect(rules.hint(d).type).toBe(direct.extract(d).type);
      expect(analyst.extract(d)).toEqual(direct.extract(d));
    }
    await rules.readAhead(docs); // already read: nothing sent
    expect(reads).toBe(20);
    await rules.close();
  });
});
