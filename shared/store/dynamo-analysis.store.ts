// DynamoDB adapter of the analysis ports: stories, events (with per-studio/title index rows), releases, pending work, cache.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { Story } from '../model/story.js';
import { Event, EventExtraction, type EventType } from '../model/event.js';
import { Release } from '../model/release.js';
import type { AnalysisStore } from '../ports/analysis-store.js';
import { VersionConflictError } from '../ports/analysis-store.js';
import type { Page, TimeRange } from '../ports/store.js';
import { DynamoTable, packRow, stripKeys, type Row } from './dynamo-table.js';
import { dataVersionOf } from './dynamo-data-version.js';
import { clearPendingIds, markPendingIds, pendingIds, pendingRows } from './dynamo-pending.js';
import { StoreError, isConditionalCheckFailed } from './errors.js';
import { titleKey } from '../util/text.js';
import { mapLimit } from '../util/concurrency.js';
import { addDays, isoWeekOf, months } from '../util/week.js';
import { capEvent, capExtraction, capRelease, capStory } from './record-limits.js';
import type { ChartSurprise } from '../analysis/boxoffice-series.js';
import { surpriseAlertId } from '../delivery/alerts/alert-rules.js';

const CACHE_TTL_DAYS = 90;
function days(fromIso: string, toIso: string): string[] {
  const out: string[] = [];
  for (let d = fromIso.slice(0, 10); d <= toIso.slice(0, 10) && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Month partitions `releasesBetween` reads at once. */
const MONTHS_AT_ONCE = 4;


export function eventTime(e: Event): string {
  return e.publishedAt ?? e.createdAt;
}

function storyRow(input: Story): Row {
  const story = capStory(input);
  return packRow({
    pk: `STORY#${story.id}`,
    sk: 'A',
    entity: 'story',
    gsi1pk: `STORYDAY#${story.firstSeenAt.slice(0, 10)}`,
    gsi1sk: `${story.firstSeenAt}#${story.id}`,
    ...story,
  });
}

/** An event's rows: the event (by week and type on gsi1), and one copy per studio and per title it names. */
function eventRows(input: Event): Row[] {
  const event = capEvent(input);
  const time = eventTime(event);
  const main: Row = {
    pk: `EVENT#${event.id}`,
    sk: 'A',
    entity: 'event',
    gsi1pk: `EVWEEK#${isoWeekOf(time)}`,
    gsi1sk: `${event.type}#${time}#${event.id}`,
    ...event,
  };
  // DynamoDB indexes one value per attribute: studios and titles get index rows of their own.
  const index: Row[] = [
    ...new Set(event.studios.map((s) => `EVSTUDIO#${titleKey(s)}`)),
    ...new Set(event.titles.map((t) => `EVTITLE#${titleKey(t)}`)),
  ].map((pk) => ({ pk, sk: `${time}#${event.id}`, entity: 'event-index', ...event }));
  return [main, ...index].map((row) => packRow(row));
}

function releaseIndex(r: Release): Row {
  const index: Row = {};
  if (r.date && r.date.length >= 7) {
    index.gsi1pk = `RELMONTH#${r.date.slice(0, 7)}`;
    index.gsi1sk = `${r.date}#${r.titleKey}`;
  } else if (r.date) {
    index.gsi1pk = `RELYEAR#${r.date}`;
    index.gsi1sk = r.titleKey;
  }
  if (r.isSlate) {
    index.gsi2pk = 'SLATE';
    index.gsi2sk = r.titleKey;
  }
  return index;
}

/** The analysis ports on the same single table as the item store. */
export class DynamoAnalysisStore implements AnalysisStore {
  constructor(
    private readonly t: DynamoTable,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Bumped after writes the query side reads (events, releases), so its read model follows. */
  get dataVersion() {
    return dataVersionOf(this.t);
  }

  // ---- stories -----------------------------------------------------------------------------

  async putStory(story: Story): Promise<void> {
    await this.t.put(storyRow(story));
  }

  async putStories(stories: Story[]): Promise<void> {
    await this.t.batchWrite(stories.map((s) => ({ PutRequest: { Item: storyRow(s) } })));
  }

  async getStory(id: string): Promise<Story | null> {
    const row = await this.t.get(`STORY#${id}`, 'A');
    return row ? Story.parse(stripKeys(row)) : null;
  }

  async getStories(ids: string[]): Promise<Map<string, Story>> {
    const rows = await this.t.batchGet([...new Set(ids)].map((id) => ({ pk: `STORY#${id}`, sk: 'A' })));
    return new Map(rows.map((r) => Story.parse(stripKeys(r))).map((s) => [s.id, s]));
  }

  async storiesBetween(from: string, to: string): Promise<Story[]> {
    const out: Story[] = [];
    for (const day of days(from, to)) {
      const rows = await this.t.queryAll({
        IndexName: 'gsi1',
        ...this.t.rangeCondition('gsi1pk', 'gsi1sk', `STORYDAY#${day}`, { from, to }),
      });
      for (const r of rows) out.push(Story.parse(stripKeys(r)));
    }
    return out;
  }

  // ---- pending analysis --------------------------------------------------------------------

  /**
   * One pending row per crawled page (up to PENDING_PER_ROW ids), not per item: a new item costs a
   * share of one small write to mark and one to clear. Rows are keyed by when they were written.
   */
  async markPending(itemIds: string[]): Promise<void> {
    await markPendingIds(this.t, itemIds, this.now());
  }

  async listPending(limit = Infinity): Promise<string[]> {
    const ids = new Set<string>();
    for (const row of await pendingRows(this.t)) {
      for (const id of pendingIds(row)) {
        ids.add(id);
        if (ids.size >= limit) return [...ids];
      }
    }
    return [...ids];
  }

  async clearPending(itemIds: string[]): Promise<void> {
    await clearPendingIds(this.t, new Set(itemIds));
  }

  // ---- events ------------------------------------------------------------------------------

  async putEvent(event: Event): Promise<void> {
    await this.putEvents([event]);
  }

  async putEvents(events: Event[]): Promise<void> {
    await this.t.batchWrite(events.flatMap(eventRows).map((Item) => ({ PutRequest: { Item } })));
    if (events.length) await this.dataVersion.bump();
  }

  async getEvent(id: string): Promise<Event | null> {
    const row = await this.t.get(`EVENT#${id}`, 'A');
    return row ? Event.parse(stripKeys(row)) : null;
  }

  async getEvents(ids: string[]): Promise<Map<string, Event>> {
    const rows = await this.t.batchGet([...new Set(ids)].map((id) => ({ pk: `EVENT#${id}`, sk: 'A' })));
    return new Map(rows.map((r) => Event.parse(stripKeys(r))).map((e) => [e.id, e]));
  }

  async eventsByWeek(week: string, type?: EventType): Promise<Event[]> {
    const values: Row = { ':pk': `EVWEEK#${week}` };
    let cond = 'gsi1pk = :pk';
    if (type) {
      cond += ' AND begins_with(gsi1sk, :type)';
      values[':type'] = `${type}#`;
    }
    const rows = await this.t.queryAll({ IndexName: 'gsi1', KeyConditionExpression: cond, ExpressionAttributeValues: values });
    return rows.map((r) => Event.parse(stripKeys(r)));
  }

  async eventsByStudio(studio: string, range: TimeRange = {}): Promise<Page<Event>> {
    return this.indexPage(`EVSTUDIO#${titleKey(studio)}`, range);
  }

  async eventsByTitle(title: string, range: TimeRange = {}): Promise<Page<Event>> {
    return this.indexPage(`EVTITLE#${titleKey(title)}`, range);
  }

  private async indexPage(pk: string, range: TimeRange): Promise<Page<Event>> {
    const page = await this.t.queryPage({ ...this.t.rangeCondition('pk', 'sk', pk, range), ScanIndexForward: false }, range);
    return { items: page.rows.map((r) => Event.parse(stripKeys(r))), cursor: page.cursor };
  }

  // ---- releases ----------------------------------------------------------------------------

  async getRelease(key: string): Promise<Release | null> {
    const row = await this.t.get(`RELEASE#${key}`, 'A');
    return row ? Release.parse(stripKeys(row)) : null;
  }

  async getReleases(keys: string[]): Promise<Map<string, Release>> {
    const rows = await this.t.batchGet([...new Set(keys)].map((k) => ({ pk: `RELEASE#${k}`, sk: 'A' })));
    return new Map(rows.map((r) => Release.parse(stripKeys(r))).map((r) => [r.titleKey, r]));
  }

  async putRelease(input: Release): Promise<void> {
    const release = capRelease(input);
    try {
      await this.t.doc.send(
        new PutCommand({
          TableName: this.t.name,
          Item: { pk: `RELEASE#${release.titleKey}`, sk: 'A', entity: 'release', ...releaseIndex(release), ...release },
          // Optimistic locking: two analyses of the same title cannot both rewrite its history.
          ConditionExpression: release.version === 1 ? 'attribute_not_exists(pk)' : 'version = :prev',
          ExpressionAttributeValues: release.version === 1 ? undefined : { ':prev': release.version - 1 },
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw new VersionConflictError(release.titleKey);
      throw new StoreError(`could not write release ${release.titleKey}`, { cause: err });
    }
    await this.dataVersion.bump();
  }

  async releasesBetween(from: string, to: string): Promise<Release[]> {
    // The month partitions are read a few at once (a year ahead is 13 of them), and returned in date order.
    const parts = await mapLimit(months(from, to), MONTHS_AT_ONCE, (month) =>
      this.t.queryAll({
        IndexName: 'gsi1',
        ...this.t.rangeCondition('gsi1pk', 'gsi1sk', `RELMONTH#${month}`, { from: from.slice(0, 10), to: to.slice(0, 10) }),
      }),
    );
    return parts.flat().map((r) => Release.parse(stripKeys(r)));
  }

  async slateReleases(): Promise<Release[]> {
    const rows = await this.t.queryAll({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': 'SLATE' },
    });
    return rows.map((r) => Release.parse(stripKeys(r)));
  }

  // ---- pending alert candidates -----------------------------------------------------------

  async putPendingSurprises(surprises: ChartSurprise[]): Promise<void> {
    const at = this.now().toISOString();
    await this.t.batchWrite(
      surprises.map((s) => ({ PutRequest: { Item: { pk: 'PENDINGALERT', sk: surpriseAlertId(s), entity: 'pending-alert', kind: 'surprise', surprise: { ...s, title: s.title.slice(0, 500) }, at } } })),
    );
  }

  async listPendingSurprises(): Promise<ChartSurprise[]> {
    const rows = await this.t.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'PENDINGALERT' } });
    return rows.filter((r) => r.kind === 'surprise' && r.surprise).map((r) => r.surprise as ChartSurprise);
  }

  async clearPendingSurprises(surprises: Array<Pick<ChartSurprise, 'title' | 'start'>>): Promise<void> {
    await this.t.batchWrite(surprises.map((s) => ({ DeleteRequest: { Key: { pk: 'PENDINGALERT', sk: surpriseAlertId(s) } } })));
  }

  // ---- analysis cache ----------------------------------------------------------------------

  async get(key: string): Promise<EventExtraction | null> {
    const row = await this.t.get(`CACHE#${key}`, 'A');
    // The embedded server has no TTL: expiry is enforced on read too.
    if (!row || (typeof row.expiresAt === 'number' && row.expiresAt * 1000 < this.now().getTime())) return null;
    const parsed = EventExtraction.safeParse(row.value);
    return parsed.success ? parsed.data : null;
  }

  async put(key: string, value: EventExtraction): Promise<void> {
    await this.t.put({
      pk: `CACHE#${key}`,
      sk: 'A',
      entity: 'cache',
      value: capExtraction(value),
      expiresAt: Math.floor(this.now().getTime() / 1000) + CACHE_TTL_DAYS * 86_400,
    });
  }
}
