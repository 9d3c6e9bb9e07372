// Release-date changes as the calendar recorded them: a dating (no date → a date), a move (a date → another, or off the
// calendar), each with the event that reported it. Read from the date events of a window and each title's history.
import type { Event } from '../model/event.js';
import type { Release, ReleaseChange } from '../model/release.js';
import { titleKey } from '../util/text.js';
import type { QueryService } from './query-service.js';

export interface DateChange {
  title: string;
  distributor: string | null;
  isSlate: boolean;
  kind: 'dating' | 'move';
  previousDate: string | null;
  date: string | null;
  /** When it was reported (the history entry's time). */
  at: string;
  eventId: string;
  /** The title's date now (after every change). */
  currentDate: string | null;
  genres: string[];
  width: Release['width'];
}

function classify(c: ReleaseChange): DateChange['kind'] | null {
  if (c.previousDate === c.date) return null;
  if (!c.previousDate) return c.date ? 'dating' : null;
  return 'move';
}

/** Every recorded change of one release, oldest first (restatements of the same date left out). */
export function changesOf(r: Release): DateChange[] {
  return r.history.flatMap((c) => {
    const kind = classify(c);
    return kind ? [{ title: r.title, distributor: r.distributor, isSlate: r.isSlate, kind, previousDate: c.previousDate, date: c.date, at: c.at, eventId: c.eventId, currentDate: r.date, genres: r.genres, width: r.width }] : [];
  });
}

/**
 * Date changes reported between two instants (inclusive dates): the release-date events of the window name the titles,
 * each title's history says what changed. Also returns the events read, for citations.
 */
export async function dateChangesReported(service: QueryService, from: string, to: string): Promise<{ changes: DateChange[]; events: Map<string, Event> }> {
  const events = new Map<string, Event>();
  for (const type of ['release_moved', 'release_dated'] as const) {
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await service.events({ type, from, to, limit: 100, cursor });
      for (const e of r.events) events.set(e.id, e);
      if (!r.cursor) break;
      cursor = r.cursor;
    }
  }
  const keys = [...new Set([...events.values()].flatMap((e) => e.titles.map(titleKey)))].filter(Boolean);
  const releases = (await Promise.all(keys.map((k) => service.deps.analysis.getRelease(k)))).filter((r): r is Release => !!r);
  const fromT = `${from}T00:00:00.000Z`;
  const toT = `${to}T23:59:59.999Z`;
  const changes = releases.flatMap(changesOf).filter((c) => c.at >= fromT && c.at <= toT);
  changes.sort((a, b) => b.at.localeCompare(a.at) || a.title.localeCompare(b.title));
  return { changes, events };
}

/** First and last calendar day a (partial) date covers: "2027-03" → 2027-03-01 … 2027-03-31. */
export function dateBounds(d: string): { first: string; last: string } {
  if (d.length === 4) return { first: `${d}-01-01`, last: `${d}-12-31` };
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number);
    return { first: `${d}-01`, last: new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10) };
  }
  return { first: d.slice(0, 10), last: d.slice(0, 10) };
}
