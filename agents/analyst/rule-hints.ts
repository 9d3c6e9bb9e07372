// Clustering hints from the embedded rules: the cheap per-item reading (type, titles, people) that sharpens story clustering.
import type { ClusterHint } from '../../shared/analysis/cluster.js';
import type { EventExtraction } from '../../shared/model/event.js';
import type { Competitor, SlateTitle } from '../../shared/model/workspace.js';
import type { AnalystContext } from '../../shared/ports/analyst.js';
import { createEmbeddedAnalyst, type EmbeddedAnalyst, type EmbeddedStory } from './embedded/embedded-analyst.js';
import type { ReadingThread } from './embedded/reading-thread.js';

/** Clustering hints from the embedded rules, compiled once for a workspace. */
export function ruleHints(context: { competitors: Competitor[]; slate: SlateTitle[] }, now?: () => Date) {
  return embeddedRules(context, now).hint;
}

/** Readings remembered: a batch of analysis (its hints, then its stories) fits many times over. */
const REMEMBERED = 4000;

/**
 * The embedded rules of a workspace, read once per document: the clustering hint of an item and the
 * embedded analyst's extraction of a story that item leads are the same reading of the same text, so
 * the second is looked up, not recomputed (a bounded memory of recent readings). `createEmbedded`
 * shares the memory when asked for the workspace's own context, as analysis does; any other context
 * gets a fresh analyst.
 */
export function embeddedRules(
  context: { competitors: Competitor[]; slate: SlateTitle[] },
  now?: () => Date,
  options: { thread?: () => ReadingThread } = {},
) {
  const rules = createEmbeddedAnalyst({ ...context, now });
  const memory = new Map<string, EventExtraction>();
  const keyOf = (doc: EmbeddedStory) => `${doc.publishedAt ?? ''}\n${doc.title}\n${doc.text}`;
  const remember = (key: string, x: EventExtraction) => {
    memory.set(key, x);
    if (memory.size > REMEMBERED) memory.delete(memory.keys().next().value!);
  };
  let thread: ReadingThread | null = null;
  const extract = (doc: EmbeddedStory): EventExtraction => {
    const key = keyOf(doc);
    const known = memory.get(key);
    if (known) {
      memory.delete(key); // most recently used last
      memory.set(key, known);
      return known;
    }
    const x = rules.extract(doc);
    remember(key, x);
    return x;
  };
  const shared: EmbeddedAnalyst = { ...rules, extract };
  return {
    hint: (doc: { title: string; text: string; publishedAt: string | null }): ClusterHint => {
      const x = extract(doc);
      return { type: x.type, titles: x.titles, people: x.people };
    },
    createEmbedded: (c: AnalystContext): EmbeddedAnalyst =>
      c.competitors === context.competitors && c.slate === context.slate && !c.knownTitles?.length ? shared : createEmbeddedAnalyst({ ...c, now }),
    /**
     * Reads documents ahead in the reading thread (when one is configured): `hint` and the analyst then
     * find them read. Resolves when they are; a failed thread is given up and the main thread reads.
     */
    readAhead: async (docs: EmbeddedStory[]): Promise<void> => {
      if (!options.thread) return;
      const todo = docs.filter((d) => !memory.has(keyOf(d)));
      if (todo.length === 0) return;
      try {
        thread ??= options.thread();
        const readings = await thread.read(todo);
        todo.forEach((d, i) => remember(keyOf(d), readings[i]!));
      } catch {
        // The main thread reads them when asked.
      }
    },
    close: async () => {
      await thread?.close();
      thread = null;
    },
  };
}
