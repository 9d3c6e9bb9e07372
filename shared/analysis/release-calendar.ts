// Release calendar: applies dating and moving events to per-title releases and finds collisions with the slate.
import { mapLimit } from '../util/concurrency.js';
import type { Event } from '../model/event.js';
import type { Release } from '../model/release.js';
import type { SlateTitle, Workspace } from '../model/workspace.js';
import { VersionConflictError, type ReleaseStore } from '../ports/analysis-store.js';
import { titleKey } from '../util/text.js';
import { addDays, weekendOf, weekendsApart } from '../util/week.js';
import { canonicalGenres, genresIn } from './genres.js';

export interface Collision {
  slateTitle: string;
  slateDate: string;
  competitorTitle: string;
  competitorDate: string;
  distributor: string | null;
  /** 0 = the same weekend, 1 = the weekend before or after. */
  weekendsApart: number;
  genreOverlap: string[];
  /** The event that put the competitor title on that date. */
  eventId: string | null;
  storyId: string | null;
}

/** Makes sure every slate title is on the calendar with the workspace's date (the team's own plan wins). */
export async function seedSlate(slate: SlateTitle[], studio: string | undefined, store: ReleaseStore, now: Date): Promise<number> {
  let written = 0;
  for (const s of slate) {
    const key = titleKey(s.title);
    const existing = await store.getRelease(key);
    const wanted = {
      title: s.title,
      distributor: s.distributor ?? studio ?? null,
      date: s.releaseDate,
      width: s.width ?? null,
      isSlate: true,
      genres: canonicalGenres(s.genres),
    };
    if (
      existing &&
      existing.isSlate &&
      existing.date === wanted.date &&
      existing.distributor === wanted.distributor &&
      existing.genres.join() === wanted.genres.join()
    ) {
      continue;
    }
    await store.putRelease({
      titleKey: key,
      status: 'dated',
      history: existing?.history ?? [],
      ...wanted,
      updatedAt: now.toISOString(),
      version: (existing?.version ?? 0) + 1,
    });
    written++;
  }
  return written;
}

/** How a dating story says the title will be released, from its lead: digital and streaming dates do not take screens. */
export function widthOf(lead: string): Release['width'] {
  if (/\b(digital|pvod|premium vod|on demand|streaming|streamer|netflix|prime video|apple tv\+|hulu|peacock|paramount\+|disney\+|max)\b/i.test(lead)) return 'streaming';
  if (/\b(limited|platform release|select theaters)\b/i.test(lead)) return 'limited';
  if (/\b(wide|nationwide|theatrical(ly)?|in theaters)\b/i.test(lead)) return 'wide';
  return null;
}

function isReleaseEvent(e: Event): boolean {
  return (e.type === 'release_dated' || e.type === 'release_moved') && e.titles.length > 0;
}

/** What a release event reads besides the event: its story's text and headline, the team's own studio. */
export interface ReleaseContext {
  text: string;
  headline?: string;
  ownStudio?: string;
}

/**
 * The release after one event, from the release before it (null = none yet): `result` is what
 * applying it reports (null when the event does not concern the calendar, else the release) and
 * `write` the release to store, when it changes.
 */
function releaseAfter(existing: Release | null, event: Event, context: ReleaseContext, now: Date): { result: Release | null; write: Release | null } {
  const none = { result: null, write: null };
  if (!isReleaseEvent(event)) return none;
  const title = event.titles[0]!;
  const key = titleKey(title);
  if (existing?.isSlate) return none;
  if (existing?.history.some((h) => h.eventId === event.id)) return { result: existing, write: null };
  const newDate = event.releaseDate;
  if (event.type === 'release_dated' && !newDate) return none;
  const previousDate = existing?.date ?? event.previousDate ?? null;
  if (existing && existing.date === newDate && event.type === 'release_dated') return { result: existing, write: null };
  const release: Release = {
    titleKey: key,
    title: existing?.title ?? title,
    // The team's own studio is named in stories about rivals' moves against its slate; it is not the distributor.
    distributor: existing?.distributor ?? event.studios.find((s) => titleKey(s) !== titleKey(context.ownStudio ?? '')) ?? null,
    date: newDate,
    // The analyst's release kind decides when the words do not: a TV or streaming premiere never collides with a theatrical slate.
    width:
      widthOf(`${context.headline ?? ''}\n${event.summary}\n${context.text.slice(0, 300)}`) ??
      existing?.width ??
      (event.releaseKind && event.releaseKind !== 'theatrical' ? 'streaming' : null),
    status: newDate ? (existing || event.type === 'release_moved' ? 'moved' : 'dated') : 'undated',
    isSlate: false,
    genres: existing?.genres.length ? existing.genres : genresIn(`${event.summary}\n${context.text.slice(0, 600)}`),
    history: [
      ...(existing?.history ?? []),
      { date: newDate, previousDate, eventId: event.id, storyId: event.storyId, at: event.publishedAt ?? now.toISOString() },
    ],
    updatedAt: now.toISOString(),
    version: (existing?.version ?? 0) + 1,
  };
  if (!existing && release.status === 'moved' && !previousDate) release.status = 'dated';
  return { result: release, write: release };
}

/**
 * Applies a release_dated / release_moved event to its title's release: the date changes and the
 * change is appended to the history citing the event. Idempotent (an event applies once) and safe
 * under concurrency (optimistic versioning, retried). Slate titles are never moved by the news.
 */
export async function applyReleaseEvent(event: Event, context: ReleaseContext, store: ReleaseStore, now: Date): Promise<Release | null> {
  if (!isReleaseEvent(event)) return null;
  const key = titleKey(event.titles[0]!);
  for (let attempt = 0; attempt < 5; attempt++) {
    const { result, write } = releaseAfter(await store.getRelease(key), event, context, now);
    if (!write) return result;
    try {
      await store.putRelease(write);
      return write;
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
    }
  }
  throw new VersionConflictError(key);
}

/**
 * Applies many events in order, as `applyReleaseEvent` one by one would, in fewer requests: one
 * batched read of their titles' releases, then one conditional write per title that changed (its
 * events applied in memory, one version step). A title written concurrently meanwhile is redone
 * event by event. Returns, per event, what `applyReleaseEvent` would have returned.
 */
export async function applyReleaseEvents(
  events: Array<{ event: Event; context: ReleaseContext }>,
  store: ReleaseStore,
  now: Date,
): Promise<Array<Release | null>> {
  const results: Array<Release | null> = events.map(() => null);
  const relevant = events.map((e, i) => ({ ...e, i })).filter(({ event }) => isReleaseEvent(event));
  if (relevant.length === 0) return results;
  const keys = [...new Set(relevant.map(({ event }) => titleKey(event.titles[0]!)))];
  const stored = await store.getReleases(keys);
  const current = new Map(keys.map((k) => [k, stored.get(k) ?? null]));
  const changed = new Map<string, Release>();
  for (const { event, context, i } of relevant) {
    const key = titleKey(event.titles[0]!);
    const { result, write } = releaseAfter(current.get(key) ?? null, event, context, now);
    results[i] = result;
    if (write) {
      // One version step per write: the condition checks the version read above.
      const base = stored.get(key)?.version ?? 0;
      const next = { ...write, version: base + 1 };
      current.set(key, next);
      changed.set(key, next);
    }
  }
  // Each title's write is conditional on its own version: independent of the others, so several go at once.
  await mapLimit([...changed], 8, async ([key, release]) => {
    try {
      await store.putRelease(release);
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
      for (const { event, context, i } of relevant) {
        if (titleKey(event.titles[0]!) === key) results[i] = await applyReleaseEvent(event, context, store, now);
      }
    }
  });
  return results;
}

/** Competitor theatrical titles dated into the same weekend as a slate title, or one weekend either side. */
export function findCollisions(calendar: Release[], slate: Release[]): Collision[] {
  const out: Collision[] = [];
  for (const own of slate) {
    if (!own.date || own.date.length < 10) continue;
    for (const other of calendar) {
      if (other.isSlate || !other.date || other.date.length < 10 || other.width === 'streaming') continue;
      const apart = weekendsApart(own.date, other.date);
      if (apart > 1) continue;
      const last = other.history.at(-1);
      out.push({
        slateTitle: own.title,
        slateDate: own.date,
        competitorTitle: other.title,
        competitorDate: other.date,
        distributor: other.distributor,
        weekendsApart: apart,
        genreOverlap: own.genres.filter((g) => other.genres.includes(g)),
        eventId: last?.eventId ?? null,
        storyId: last?.storyId ?? null,
      });
    }
  }
  return out.sort((a, b) => a.weekendsApart - b.weekendsApart || b.genreOverlap.length - a.genreOverlap.length || a.slateDate.localeCompare(b.slateDate));
}

/** How far ahead the cycle, alerts and briefs look for collisions: a competitor dating into our weekend a year out is news. */
export const COLLISION_HORIZON_WEEKS = 52;

/** Collisions for the slate titles opening in the next `weeks` weeks (and competitor titles around them). */
export async function upcomingCollisions(store: ReleaseStore, workspace: Pick<Workspace, 'slate'>, today: string, weeks = 12): Promise<Collision[]> {
  const until = addDays(today, weeks * 7);
  const slate = (await store.slateReleases()).filter((r) => r.date && r.date >= today && r.date <= until);
  if (slate.length === 0) return [];
  const calendar = await store.releasesBetween(addDays(weekendOf(today), -7), addDays(until, 10));
  return findCollisions(calendar, slate);
}
