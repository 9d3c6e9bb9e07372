// The brief's calendar: release-date changes reported this week, and slate collisions in the next 12 weeks.
import type { Event } from '../../../model/event.js';
import type { Item } from '../../../model/item.js';
import type { Workspace } from '../../../model/workspace.js';
import type { BriefCollision, CalendarChange } from '../../../model/brief.js';
import type { EventStore, ReleaseStore } from '../../../ports/analysis-store.js';
import type { ItemStore } from '../../../ports/store.js';
import { upcomingCollisions } from '../../../analysis/release-calendar.js';
import { titleKey } from '../../../util/text.js';
import type { Citations } from './citations.js';

/** Cites the items of an event by id: one of the week's, else read from the store (its items too, when not yet known). */
export type EventCiter = (eventId: string | null) => Promise<number[]>;

export function eventCiter(deps: { analysis: EventStore; store: ItemStore }, events: Event[], items: Map<string, Item>, cites: Citations): EventCiter {
  const eventsById = new Map(events.map((e) => [e.id, e]));
  return async (eventId) => {
    if (!eventId) return [];
    const ev = eventsById.get(eventId) ?? (await deps.analysis.getEvent(eventId));
    if (!ev) return [];
    const missing = ev.itemIds.filter((id) => !items.has(id));
    if (missing.length) for (const i of await deps.store.getItems(missing)) items.set(i.id, i);
    return cites.cite(ev.itemIds, 2);
  };
}

/** The releases whose history gained an entry from one of this week's dating or move events. */
export async function calendarChanges(releases: ReleaseStore, events: Event[], citeEvent: EventCiter): Promise<CalendarChange[]> {
  const weekEventIds = new Set(events.map((e) => e.id));
  const releaseTitles = new Set(events.filter((e) => e.type === 'release_dated' || e.type === 'release_moved').flatMap((e) => e.titles.map(titleKey)));
  const changes: CalendarChange[] = [];
  for (const key of releaseTitles) {
    const r = await releases.getRelease(key);
    for (const h of r?.history.filter((x) => weekEventIds.has(x.eventId)) ?? []) {
      changes.push({ eventId: h.eventId, title: r!.title, distributor: r!.distributor, date: h.date, previousDate: h.previousDate, isSlate: r!.isSlate, cites: await citeEvent(h.eventId) });
    }
  }
  return changes;
}

/** Competitor titles dated on or next to a slate weekend in the 12 weeks from `monday`, each citing the event that dated it. */
export async function briefCollisions(analysis: EventStore & ReleaseStore, workspace: Workspace, monday: string, citeEvent: EventCiter): Promise<BriefCollision[]> {
  const collisions: BriefCollision[] = [];
  for (const c of await upcomingCollisions(analysis, workspace, monday, 12)) collisions.push({ ...c, cites: await citeEvent(c.eventId) });
  return collisions;
}
