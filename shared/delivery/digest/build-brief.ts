// Weekly brief: statistics computed from the store first, then a templated narrative whose every sentence cites items.
// Each section is built by its own function in ./brief/; buildBrief reads the week and composes them.
import type { Workspace } from '../../model/workspace.js';
import type { Brief } from '../../model/brief.js';
import type { EventStore, ReleaseStore } from '../../ports/analysis-store.js';
import type { ChartStore, ItemStore } from '../../ports/store.js';
import type { ForecastStore, InterestSummaryStore } from '../../ports/interest-store.js';
import { sentimentLeaders } from '../../analysis/sentiment-series.js';
import { interestDigest } from '../../interest/digest-section.js';
import { isoWeekDates } from '../../util/week.js';
import { boxOfficeSection } from './brief/box-office.js';
import { briefCollisions, calendarChanges, eventCiter } from './brief/calendar.js';
import { Citations, renumberCitations } from './brief/citations.js';
import { competitorMoves } from './brief/competitor-moves.js';
import { narrative } from './brief/narrative.js';
import { coverageMovers, eventCounts } from './brief/stats.js';
import { weekBefore, weekEvents } from './brief/week-events.js';

export interface BriefDeps {
  analysis: EventStore & ReleaseStore;
  store: ItemStore & ChartStore;
  /** Interest summaries and forecast scores (the "Audience interest" section; omitted: no section). */
  interest?: Pick<InterestSummaryStore, 'titleInterests'> & Pick<ForecastStore, 'scores'>;
}

/**
 * Computes the weekly brief for an ISO week: statistics first (event counts vs the previous four
 * weeks, coverage movers, weekend distributor and genre shares), then a 3–5 sentence narrative
 * from a template, every sentence citing the items it rests on; plus competitor moves by studio,
 * calendar changes, slate collisions (next 12 weeks) and the latest weekend's box-office table.
 */
export async function buildBrief(workspace: Workspace, deps: BriefDeps, week: string): Promise<Brief> {
  const { monday, sunday } = isoWeekDates(week);
  const { events, previous, lastWeek } = await weekEvents(deps.analysis, workspace.timezone, week);
  const items = new Map((await deps.store.getItems([...new Set([...events, ...lastWeek].flatMap((e) => e.itemIds))])).map((i) => [i.id, i]));
  const sourceNames = new Map(workspace.sources.map((s) => [s.id, s.name ?? s.id]));
  // Sections cite in this order (moves, calendar, collisions, narrative); renumberCitations then puts the narrative's first.
  const cites = new Citations(items, sourceNames);

  const { byType, previousAverage } = eventCounts(events, previous);
  const studioMovers = coverageMovers('studio', events, lastWeek, items);
  const titleMovers = coverageMovers('title', events, lastWeek, items);
  const boxOffice = await boxOfficeSection(deps, sunday);
  const moves = competitorMoves(events, new Set(workspace.competitors.map((c) => c.name)), cites);
  const citeEvent = eventCiter(deps, events, items, cites);
  const changes = await calendarChanges(deps.analysis, events, citeEvent);
  const collisions = await briefCollisions(deps.analysis, workspace, monday, citeEvent);
  const sentences = narrative(
    { monday, events, lastWeek, byType, previousAverage, competitorMoves: moves, collisions, calendarChanges: changes, studioMovers, titleMovers, ...boxOffice },
    cites,
  );
  const citations = renumberCitations(cites, sentences, [...moves.map((g) => g.moves), changes, collisions]);

  // Tone of coverage over the brief's week and the three before it (UTC weeks, as the store keys them).
  const sentiment = await sentimentLeaders(
    { analysis: deps.analysis, store: deps.store, sourceNames },
    { fromWeek: weekBefore(week, 3), toWeek: week, limit: 3, competitors: workspace.competitors.map((c) => c.name) },
  );

  const { latest, rows, totalGross, distributorShare, genreShare, series } = boxOffice;
  return {
    workspace: workspace.name,
    week,
    monday,
    sunday,
    stats: { totalEvents: events.length, previousAverage, byType, movers: [...studioMovers, ...titleMovers], distributorShare, genreShare },
    narrative: sentences,
    competitorMoves: moves,
    calendarChanges: changes,
    collisions,
    boxOffice: { weekend: latest?.period.start ?? null, end: latest?.period.end ?? null, rows, totalGross, rowCount: rows.length },
    boxOfficeSeries: series,
    citations,
    sentiment,
    interest: deps.interest ? await interestDigest(deps.interest, monday) : undefined,
  };
}
