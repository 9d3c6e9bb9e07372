// The archived copy of a brief: the mail goes out whole; the archive keeps its top lines so it always fits one store record.
import { cap } from '../../store/item-size.js';
import type { Brief } from '../../model/brief.js';

/** What each level keeps (level 0 is what every archive keeps; higher levels are used only when a record is still too big). */
const LEVELS = [
  { rows: 50, moves: 150, changes: 100, collisions: 50, sentiment: true, text: 4_000 },
  { rows: 25, moves: 40, changes: 30, collisions: 20, sentiment: true, text: 2_000 },
  { rows: 10, moves: 10, changes: 10, collisions: 10, sentiment: false, text: 1_000 },
  { rows: 10, moves: 0, changes: 0, collisions: 5, sentiment: false, text: 500 },
] as const;

export const COMPACT_LEVELS = LEVELS.length;

/**
 * A copy of the brief for the archive at `level` (0 = light): the top box-office rows
 * (`boxOffice.rowCount` keeps the chart's length), the first competitor moves, calendar changes and
 * collisions, and only the citations the kept lines use. `truncated` lists what was cut.
 */
export function compactBrief(brief: Brief, level = 0): { brief: Brief; truncated: string[] } {
  const l = LEVELS[Math.min(level, LEVELS.length - 1)]!;
  const truncated: string[] = [];
  const note = (what: string, before: number, after: number) => {
    if (after < before) truncated.push(`${what}: ${after} of ${before}`);
  };
  const rows = brief.boxOffice.rows.slice(0, l.rows);
  note('box-office rows', brief.boxOffice.rows.length, rows.length);
  let budget: number = l.moves;
  const competitorMoves: Brief['competitorMoves'] = [];
  for (const g of brief.competitorMoves) {
    if (budget <= 0) break;
    const moves = g.moves.slice(0, budget).map((m) => ({ ...m, summary: cap(m.summary, l.text), titles: m.titles.slice(0, 10) }));
    budget -= moves.length;
    competitorMoves.push({ studio: g.studio, moves });
  }
  note('competitor moves', brief.competitorMoves.reduce((n, g) => n + g.moves.length, 0), competitorMoves.reduce((n, g) => n + g.moves.length, 0));
  const calendarChanges = brief.calendarChanges.slice(0, l.changes);
  note('calendar changes', brief.calendarChanges.length, calendarChanges.length);
  const collisions = brief.collisions.slice(0, l.collisions);
  note('collisions', brief.collisions.length, collisions.length);
  const narrative = brief.narrative.map((s) => ({ ...s, text: cap(s.text, l.text) }));
  const used = new Set([
    ...narrative.flatMap((s) => s.cites),
    ...competitorMoves.flatMap((g) => g.moves.flatMap((m) => m.cites)),
    ...calendarChanges.flatMap((c) => c.cites),
    ...collisions.flatMap((c) => c.cites),
  ]);
  const citations = brief.citations.filter((c) => used.has(c.n)).map((c) => ({ ...c, title: cap(c.title, 500) }));
  note('citations', brief.citations.length, citations.length);
  if (!l.sentiment && brief.sentiment) truncated.push('tone of coverage');
  const { sentiment, ...rest } = brief;
  return {
    brief: {
      ...rest,
      ...(l.sentiment && sentiment ? { sentiment } : {}),
      stats: { ...brief.stats, movers: brief.stats.movers.slice(0, 20), distributorShare: brief.stats.distributorShare.slice(0, 30), genreShare: brief.stats.genreShare.slice(0, 30) },
      narrative,
      competitorMoves,
      calendarChanges,
      collisions,
      boxOffice: { ...brief.boxOffice, rows, rowCount: brief.boxOffice.rowCount ?? brief.boxOffice.rows.length },
      boxOfficeSeries: { weekends: brief.boxOfficeSeries.weekends, titles: brief.boxOfficeSeries.titles.slice(0, 5) },
      citations,
    },
    truncated,
  };
}
