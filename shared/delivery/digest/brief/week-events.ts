// The brief's events: the week's and the four weeks' before it, bucketed by the workspace's local date.
import type { Event } from '../../../model/event.js';
import type { EventStore } from '../../../ports/analysis-store.js';
import { addDays, isoWeekDates, isoWeekOfDate, localDate } from '../../../util/week.js';

/** The ISO week `n` weeks before `week`. */
export function weekBefore(week: string, n: number): string {
  return isoWeekOfDate(addDays(isoWeekDates(week).monday, -7 * n));
}

export interface WeekEvents {
  /** The week's events (local dates). */
  events: Event[];
  /** The four weeks before, most recent first. */
  previous: Event[][];
  lastWeek: Event[];
}

/** Reads the events of `week` and of the four weeks before it, each by its publication (else creation) date in `timezone`. */
export async function weekEvents(analysis: EventStore, timezone: string, week: string): Promise<WeekEvents> {
  // The store partitions events by UTC week; the brief's weeks are local to the workspace, so read
  // one UTC week either side and bucket by local date.
  const fetched = await Promise.all([-1, 0, 1, 2, 3, 4, 5].map((n) => analysis.eventsByWeek(weekBefore(week, n))));
  const localWeek = (e: Event) => isoWeekOfDate(localDate(e.publishedAt ?? e.createdAt, timezone));
  const seen = new Set<string>();
  const all = fetched.flat().filter((e) => !seen.has(e.id) && seen.add(e.id));
  const inLocalWeek = (w: string) => all.filter((e) => localWeek(e) === w);
  const previous = [1, 2, 3, 4].map((n) => inLocalWeek(weekBefore(week, n)));
  return { events: inLocalWeek(week), previous, lastWeek: previous[0]! };
}
