// The embedded rules behind the Analyst port, and the cheap per-item hints clustering uses.
import type { Analyst, AnalystContext, StoryInput } from '../../shared/ports/analyst.js';
import type { ClusterHint } from '../../shared/analysis/cluster.js';
import type { Competitor, SlateTitle } from '../../shared/model/workspace.js';
import { createEmbeddedAnalyst, EMBEDDED_ANALYST_VERSION, type EmbeddedAnalyst } from './embedded/embedded-analyst.js';

/** The embedded analyst as an `Analyst`: no model, no tokens, one extraction per story. */
export function embeddedAnalyst(options: { now?: () => Date } = {}): Analyst {
  const info = { kind: 'embedded' as const, version: EMBEDDED_ANALYST_VERSION };
  return {
    info,
    async analyze(stories: StoryInput[], context: AnalystContext) {
      const rules = createEmbeddedAnalyst({ ...context, now: options.now });
      const analyses = stories.map((s) => ({ storyId: s.storyId, extraction: rules.extract(s), analyst: info, tokens: 0 }));
      return { analyses, usage: { requests: 0, promptTokens: 0, completionTokens: 0, cacheHits: 0, fallbacks: 0 } };
    },
  };
}

/** Clustering hints from the embedded rules, compiled once for a workspace. */
export function ruleHints(context: { competitors: Competitor[]; slate: SlateTitle[] }, now?: () => Date) {
  const rules: EmbeddedAnalyst = createEmbeddedAnalyst({ ...context, now });
  return (doc: { title: string; text: string; publishedAt: string | null }): ClusterHint => {
    const x = rules.extract(doc);
    return { type: x.type, titles: x.titles, people: x.people };
  };
}
