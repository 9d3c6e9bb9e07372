// Clustering hints from the embedded rules: the cheap per-item reading (type, titles, people) that sharpens story clustering.
import type { ClusterHint } from '../../shared/analysis/cluster.js';
import type { Competitor, SlateTitle } from '../../shared/model/workspace.js';
import { createEmbeddedAnalyst } from './embedded/embedded-analyst.js';

/** Clustering hints from the embedded rules, compiled once for a workspace. */
export function ruleHints(context: { competitors: Competitor[]; slate: SlateTitle[] }, now?: () => Date) {
  const rules = createEmbeddedAnalyst({ ...context, now });
  return (doc: { title: string; text: string; publishedAt: string | null }): ClusterHint => {
    const x = rules.extract(doc);
    return { type: x.type, titles: x.titles, people: x.people };
  };
}
