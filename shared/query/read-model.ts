// The query side's read model: what the query service reads (events, releases, charts, source states, digests, items,
// interest) kept in memory per data version, so a request that misses the response cache reads memory, not the store.
// The data only changes when a cycle (or a crawl, an analysis, a digest) writes: writers bump the data version, and the
// model drops what it holds when the version changes (at once for this process's writes, within `refreshMs` for other
// processes' or functions'). It loads whole partitions (an event week, a studio's or title's events, a calendar month)
// and answers every range, page and cursor from them as the DynamoDB adapter would: same ports, same results.
import type { Event, EventType } from '../model/event.js';
import type { Item } from '../model/item.js';
import type { Release } from '../model/release.js';
import type { EventStore, ReleaseStore } from '../ports/analysis-store.js';
import type { ChartStore, ItemStore, Page, SourceStateStore, TimeRange } from '../ports/store.js';
import type { DigestStore } from '../ports/digest-store.js';
import type { InterestStore } from '../ports/interest-store.js';
import type { DataVersion } from '../ports/data-version.js';
import { MAX_PAGE, decodeCursor, encodeCursor } from '../store/dynamo-table.js';
import { eventTime } from '../store/dynamo-analysis.store.js';
import { months } from '../util/week.js';
import { releaseRange } from '../analysis/release-memo.js';
import { titleKey } from '../util/text.js';
import { addDays, isoWeekDates, isoWeekOf, isoWeekOfDate } from '../util/week.js';
import { mapLimit } from '../util/concurrency.js';
import { withOverrides } from '../util/overrides.js';

/** Newest first (publication time, else creation time), then by id: the order the events route pages a week in. */
export function newestFirst(a: Event, b: Event): number {
  return (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt) || a.id.localeCompare(b.id);
}

/** What the read model adds to the events port: a week's events already in `newestFirst` order. */
export interface WeeksNewestFirst {
  eventsByWeekNewestFirst(week: string, type?: EventType): Promise<Event[]>;
}

/** The stores the query side reads. */
export interface QueryReads {
  analysis: EventStore & ReleaseStore;
  store: ItemStore & ChartStore & SourceStateStore;
  digests: DigestStore;
  interest?: InterestStore;
}

export interface ReadModelOptions {
  /** How often the stored data version is read (ms); this process's own writes are seen at once. Default 1000. */
  refreshMs?: number;
  /** "Now" of the data (the workspace clock when it pins one): what is preloaded is around it. */
  now?: () => Date;
  /** The workspace whose latest digest is preloaded. */
  workspace?: string;
  /** Preloads the recent weeks' events and their items, the calendar and the source states after each change (default true). */
  preload?: boolean;
  /** Weeks of events preloaded (default 13: the events route's default 84 days and then some). */
  preloadWeeks?: number;
  /**
   * What is held is read again after this long even when the version did not change (ms, default 300,000): bounds how
   * stale it can get if a writer's last version write was delayed (a Lambda container frozen before its trailing write).
   */
  maxAgeMs?: number;
  /** Entries kept at most (whole partitions and single rows); the oldest go first. Default 100,000. */
  maxEntries?: number;
  /** Called when a preload has finished (how long it took, what it read). */
  onPreload?: (done: { ms: number; weeks: number; events: number; items: number }) => void;
  /** Monotonic milliseconds (tests). */
  clock?: () => number;
}

type Cache = Map<string, Promise<unknown>>;

/** Freezes a loaded value so that no caller can change what the next request reads. */
function freeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const v of value.values()) freeze(v);
    return value;
  }
  for (const v of Object.values(value)) freeze(v);
  return Object.freeze(value);
}

/** A copy the caller may sort or extend (the elements stay shared and frozen). */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return [...value] as T;
  if (value instanceof Map) return new Map(value) as T;
  return value;
}

const INTEREST_READS = [
  'recentVideos',
  'videoLinks',
  'titleVideos',
  'videoHistory',
  'titleArticles',
  'pageviews',
  'forecastsFor',
  'currentForecasts',
  'getScore',
  'scores',
  'titleInterests',
  'getTitleInterest',
] as const;

/** The read model over the query side's stores; `analysis`, `store`, `digests` and `interest` are the ports to hand to the query service. */
export class ReadModel {
  readonly analysis: EventStore & ReleaseStore & WeeksNewestFirst;
  readonly store: ItemStore & ChartStore & SourceStateStore;
  readonly digests: DigestStore;
  readonly interest?: InterestStore;
  /** Store reads started, reads answered from memory, and times the model was dropped for a new data version. */
  readonly stats = { loads: 0, hits: 0, refreshes: 0 };

  private cache: Cache = new Map();
  private generation = 0;
  private token: string | null = null;
  private seenLocal: number;
  private checkedAt = -Infinity;
  private resetAt: number;
  private checking: Promise<void> | null = null;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly refreshMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => number;

  constructor(
    private readonly src: QueryReads,
    private readonly version: DataVersion,
    private readonly options: ReadModelOptions = {},
  ) {
    this.refreshMs = options.refreshMs ?? 1000;
    this.maxEntries = options.maxEntries ?? 100_000;
    this.clock = options.clock ?? (() => performance.now());
    this.seenLocal = version.local;
    this.resetAt = this.clock();
    this.analysis = this.wrap(src.analysis as EventStore & ReleaseStore & WeeksNewestFirst, {
      getEvent: (id: string) => this.read(`event:${id}`, () => src.analysis.getEvent(id)),
      eventsByWeek: (week: string, type?: EventType) => this.eventsByWeek(week, type),
      eventsByWeekNewestFirst: (week: string, type?: EventType) => this.eventsByWeekNewestFirst(week, type),
      eventsByStudio: (studio: string, range?: TimeRange) => this.indexPage('studio', studio, range),
      eventsByTitle: (title: string, range?: TimeRange) => this.indexPage('title', title, range),
      getRelease: (key: string) => this.read(`release:${key}`, () => src.analysis.getRelease(key)),
      getReleases: (keys: string[]) => this.getReleases(keys),
      releasesBetween: (from: string, to: string) => this.releasesBetween(from, to),
      slateReleases: () => this.read('slate', () => this.seeded((seed) => src.analysis.slateReleases().then((rs) => seed(rs, (r) => `release:${r.titleKey}`)))),
    });
    this.store = this.wrap(src.store, {
      getItem: (id: string) => this.read(`item:${id}`, () => src.store.getItem(id)),
      getItems: (ids: string[]) => this.getItems(ids),
      listCharts: (periodType: string, range?: TimeRange) =>
        this.read(`charts:${JSON.stringify([periodType, range ?? {}])}`, () => src.store.listCharts(periodType, range)).then((p) => ({ ...p, items: [...p.items] })),
      getChart: (site: string, periodType: string, start: string) => this.read(`chart:${site}#${periodType}#${start}`, () => src.store.getChart(site, periodType, start)),
      titleSeries: (title: string) => this.read(`series:${titleKey(title)}`, () => src.store.titleSeries(title)),
      listSourceStates: () => this.read('states', () => src.store.listSourceStates()),
    });
    this.digests = this.wrap(src.digests, {
      latestDigest: (workspace: string) => this.read(`digest:${workspace}`, () => src.digests.latestDigest(workspace)),
      getDigest: (workspace: string, week: string) => this.read(`digest:${workspace}#${week}`, () => src.digests.getDigest(workspace, week)),
    });
    if (src.interest) {
      const interest = src.interest as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const reads = Object.fromEntries(
        INTEREST_READS.map((name) => [name, (...args: unknown[]) => this.read(`interest:${name}:${JSON.stringify(args)}`, () => interest[name]!(...args))]),
      );
      this.interest = this.wrap(src.interest, reads);
    }
  }

  /** `target` with `reads` in place of its methods of those names; every other method (the writes) goes to the store. */
  private wrap<T extends object>(target: T, reads: Record<string, (...args: never[]) => Promise<unknown>>): T {
    return withOverrides(target, reads);
  }

  /** Drops what the model holds when the data changed: this process's writes at once, the stored version every `refreshMs`. */
  private fresh(): Promise<void> | undefined {
    if (this.version.local !== this.seenLocal || this.clock() - this.resetAt > (this.options.maxAgeMs ?? 300_000)) this.reset();
    if (this.clock() - this.checkedAt < this.refreshMs) return undefined;
    return (this.checking ??= this.check());
  }

  private async check(): Promise<void> {
    try {
      const token = await this.version.current();
      this.checkedAt = this.clock();
      if (token !== this.token) {
        this.token = token;
        this.reset();
      }
    } catch {
      // The version could not be read: trust nothing held, and let the reads go to the store (which report their own errors).
      this.token = null;
      this.reset(false);
    } finally {
      this.checking = null;
    }
  }

  private reset(preload = this.options.preload ?? true): void {
    this.seenLocal = this.version.local;
    this.resetAt = this.clock();
    this.cache = new Map();
    this.generation++;
    this.stats.refreshes++;
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = null;
    if (!preload) return;
    // After a short quiet spell: a cycle in this process writes many times in a row.
    const generation = this.generation;
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      this.warm(generation).catch(() => undefined);
    }, 200);
    this.warmTimer.unref?.();
  }

  /** A value of the current data version: from memory, or read once (concurrent readers share the read). */
  private async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    await this.fresh();
    return copy(await this.memo(key, load));
  }

  private memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cache = this.cache;
    const hit = cache.get(key) as Promise<T> | undefined;
    if (hit) {
      this.stats.hits++;
      return hit;
    }
    this.stats.loads++;
    const p = load().then(freeze);
    this.put(cache, key, p);
    // A failed read is not kept: the next request tries the store again.
    p.catch(() => (cache.get(key) === p ? cache.delete(key) : undefined));
    return p;
  }

  private put(cache: Cache, key: string, value: Promise<unknown>): void {
    cache.set(key, value);
    while (cache.size > this.maxEntries) cache.delete(cache.keys().next().value!);
  }

  /** Runs a load that also seeds single rows (an event of a week, a release of a month) into the cache it started with. */
  private seeded<T>(load: (seed: <V>(values: V[], keyOf: (v: V) => string) => V[]) => Promise<T>): Promise<T> {
    const cache = this.cache;
    return load((values, keyOf) => {
      for (const v of values) {
        const key = keyOf(v);
        if (!cache.has(key)) this.put(cache, key, Promise.resolve(freeze(v)));
      }
      return values;
    });
  }

  // ---- events ----------------------------------------------------------------------------------

  /** A week's events in the index's order (type, time, id), all types read once; one type is the same order filtered. */
  private async eventsByWeek(week: string, type?: EventType): Promise<Event[]> {
    const all = await this.read(`week:${week}`, () => this.seeded((seed) => this.src.analysis.eventsByWeek(week).then((es) => seed(es, (e) => `event:${e.id}`))));
    return type ? all.filter((e) => e.type === type) : all;
  }

  /** A week's events in `newestFirst` order, sorted once per data version; one type is the same order filtered. */
  private async eventsByWeekNewestFirst(week: string, type?: EventType): Promise<Event[]> {
    await this.fresh();
    const sorted = await this.memo(`weeknewest:${week}`, async () => (await this.eventsByWeek(week)).sort(newestFirst));
    return type ? sorted.filter((e) => e.type === type) : [...sorted];
  }

  /** A studio's or title's index partition, newest first, with each row's sort key (`time#id`). */
  private partition(kind: 'studio' | 'title', name: string): Promise<{ pk: string; rows: Array<{ sk: string; event: Event }> }> {
    const pk = `${kind === 'studio' ? 'EVSTUDIO' : 'EVTITLE'}#${titleKey(name)}`;
    return this.memo(`index:${pk}`, async () => {
      const events: Event[] = [];
      let cursor: string | null = null;
      do {
        const range: TimeRange = { limit: MAX_PAGE, cursor };
        const page = kind === 'studio' ? await this.src.analysis.eventsByStudio(name, range) : await this.src.analysis.eventsByTitle(name, range);
        events.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
      return { pk, rows: events.map((event) => ({ sk: `${eventTime(event)}#${event.id}`, event })) };
    });
  }

  /**
   * A page of an index partition as the DynamoDB query returns it: sort keys between `from` and `to` (inclusive of any
   * suffix), newest first, `limit` of them (at most MAX_PAGE) after the cursor, and a cursor whenever the page is full.
   */
  private async indexPage(kind: 'studio' | 'title', name: string, range: TimeRange = {}): Promise<Page<Event>> {
    const direct = () => (kind === 'studio' ? this.src.analysis.eventsByStudio(name, range) : this.src.analysis.eventsByTitle(name, range));
    await this.fresh();
    const { pk, rows } = await this.partition(kind, name);
    let after: string | null = null;
    if (range.cursor) {
      let key: Record<string, unknown>;
      try {
        key = decodeCursor<Record<string, unknown>>(range.cursor);
      } catch {
        return direct(); // the store's own error
      }
      if (key.pk !== pk || typeof key.sk !== 'string' || Object.keys(key).length !== 2) return direct();
      after = key.sk;
    }
    const lo = range.from || null;
    const hi = range.to ? `${range.to}\uffff` : null;
    if (lo !== null && hi !== null && lo > hi) return direct(); // DynamoDB refuses such a BETWEEN: the same answer
    const limit = Math.min(range.limit ?? 50, MAX_PAGE);
    const items: Event[] = [];
    let last = '';
    for (const { sk, event } of rows) {
      if ((hi !== null && sk > hi) || (after !== null && sk >= after)) continue;
      if (lo !== null && sk < lo) break;
      items.push(event);
      last = sk;
      if (items.length >= limit) break;
    }
    return { items, cursor: items.length >= limit ? encodeCursor({ pk, sk: last }) : null };
  }

  // ---- releases --------------------------------------------------------------------------------

  /** Dated releases between two dates: the month partitions read whole once, each filtered as the key condition would. */
  private async releasesBetween(from: string, to: string): Promise<Release[]> {
    const within = releaseRange(from, to);
    if (!within) return this.src.analysis.releasesBetween(from, to);
    await this.fresh();
    const parts = await Promise.all(
      months(from, to).map((month) =>
        this.memo(`month:${month}`, () => this.seeded((seed) => this.src.analysis.releasesBetween(month, `${month}-31`).then((rs) => seed(rs, (r) => `release:${r.titleKey}`)))),
      ),
    );
    return parts.flat().filter(within);
  }

  private async getReleases(keys: string[]): Promise<Map<string, Release>> {
    await this.fresh();
    const unique = [...new Set(keys)];
    const missing = unique.filter((k) => !this.cache.has(`release:${k}`));
    if (missing.length) {
      const batch = this.src.analysis.getReleases(missing);
      for (const k of missing) this.memo(`release:${k}`, () => batch.then((m) => m.get(k) ?? null)).catch(() => undefined);
    }
    const found = await Promise.all(unique.map((k) => this.memo(`release:${k}`, () => this.src.analysis.getRelease(k))));
    return new Map(found.filter((r): r is Release => !!r).map((r) => [r.titleKey, r]));
  }

  // ---- items -----------------------------------------------------------------------------------

  /** Items by id in the order asked (absent ones left out); the ids not held yet are read in one batch. */
  private async getItems(ids: string[]): Promise<Item[]> {
    await this.fresh();
    const missing = [...new Set(ids)].filter((id) => !this.cache.has(`item:${id}`));
    if (missing.length) {
      const batch = this.src.store.getItems(missing).then((items) => new Map(items.map((i) => [i.id, i])));
      for (const id of missing) this.memo(`item:${id}`, () => batch.then((m) => m.get(id) ?? null)).catch(() => undefined);
    }
    const found = await Promise.all(ids.map((id) => this.memo(`item:${id}`, () => this.src.store.getItem(id))));
    return found.filter((i): i is Item => !!i);
  }

  // ---- preload ---------------------------------------------------------------------------------

  /** Reads what most requests need right after a change: the recent weeks' events and their items, the calendar, the health. */
  private async warm(generation: number): Promise<void> {
    const started = this.clock();
    const now = (this.options.now ?? (() => new Date()))();
    const today = now.toISOString().slice(0, 10);
    const stale = () => this.generation !== generation;
    await Promise.all([
      this.analysis.releasesBetween(addDays(today, -400), addDays(today, 730)),
      this.analysis.slateReleases(),
      this.store.listSourceStates(),
      this.options.workspace ? this.digests.latestDigest(this.options.workspace) : null,
    ]);
    const weeks: string[] = [];
    for (let w = isoWeekOf(now), i = 0; i < (this.options.preloadWeeks ?? 13); i++, w = isoWeekOfDate(addDays(isoWeekDates(w).monday, -7))) weeks.push(w);
    const itemIds: string[] = [];
    let events = 0;
    await mapLimit(weeks, 2, async (week) => {
      if (stale()) return;
      for (const e of await this.analysis.eventsByWeek(week)) {
        events++;
        itemIds.push(...e.itemIds);
      }
    });
    const chunks: string[][] = [];
    for (let i = 0; i < itemIds.length; i += 500) chunks.push(itemIds.slice(i, i + 500));
    for (const chunk of chunks) {
      if (stale()) return;
      await this.store.getItems(chunk);
    }
    this.options.onPreload?.({ ms: Math.round(this.clock() - started), weeks: weeks.length, events, items: new Set(itemIds).size });
  }
}
