// The brief's competitor moves: the week's competitor events grouped by studio, busiest studio first.
import type { Event } from '../../../model/event.js';
import type { Brief, CompetitorMove } from '../../../model/brief.js';
import type { Citations } from './citations.js';

/** Groups the week's competitor events by studio (a studio the workspace names as a competitor wins), each citing its items. */
export function competitorMoves(events: Event[], competitorNames: Set<string>, cites: Citations): Brief['competitorMoves'] {
  const byStudio = new Map<string, CompetitorMove[]>();
  for (const e of [...events].filter((x) => x.concernsCompetitor).sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''))) {
    const studios = e.studios.filter((s) => competitorNames.has(s));
    for (const studio of studios.length ? studios : e.studios.slice(0, 1)) {
      const move = { eventId: e.id, type: e.type, summary: e.summary, titles: e.titles, publishedAt: e.publishedAt, cites: cites.cite(e.itemIds, 2) };
      byStudio.set(studio, [...(byStudio.get(studio) ?? []), move]);
    }
  }
  return [...byStudio]
    .map(([studio, moves]) => ({ studio, moves }))
    .sort((a, b) => b.moves.length - a.moves.length || a.studio.localeCompare(b.studio));
}
