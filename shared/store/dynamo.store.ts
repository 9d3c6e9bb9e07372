// DynamoDB adapter of the store ports: one table, two GSIs, conditional writes instead of transactions.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Item } from '../model/item.js';
import { SourceState } from '../model/source-state.js';
import type { BoxOfficeEntry, ChartInfo } from '../model/boxoffice.js';
import type { NewItem, Page, PutItemResult, Store, StoredChart, TimeRange } from '../ports/store.js';
import { impliedByItemRow } from '../ingest/dedupe.js';
import { DynamoTable, MAX_PAGE, decodeCursor, encodeCursor, packRow, stripKeys, type Row } from './dynamo-table.js';
import { titleKey } from '../util/text.js';
import { capChartEntry, capItem, capSourceState } from './record-limits.js';
import { dataVersionOf } from './dynamo-data-version.js';

/** Item fields read by projections (times, the purge's identity fields): kept as attributes of their own. */
const ITEM_PROJECTED = ['id', 'sourceId', 'publishedAt', 'fetchedAt', 'url', 'guid', 'hash'] as const;

function itemTime(item: Item): string {
  return item.publishedAt ?? item.fetchedAt;
}

function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

export interface DynamoStoreOptions {
  client: DynamoDBClient;
  tableName: string;
}

function sourceStateRow(input: SourceState): Row {
  const state = capSourceState(input);
  return { pk: `SOURCE#${state.sourceId}`, sk: 'STATE', entity: 'source-state', gsi1pk: 'SOURCES', gsi1sk: state.sourceId, ...state };
}

/** The store ports over one DynamoDB table (AWS, or the embedded DynamoDB-protocol server locally). */
/** New items `keepNewItems` holds at most (about 3 KB each): beyond it, the rest are read back from the store. */
const MAX_KEPT_ITEMS = 50_000;

export class DynamoStore implements Store {
  private readonly t: DynamoTable;

  constructor(options: DynamoStoreOptions) {
    this.t = new DynamoTable(options.client, options.tableName);
  }

  /** Bumped after writes the query side reads (charts, source states), so its read model follows. */
  get dataVersion() {
    return dataVersionOf(this.t);
  }

  /** The table plumbing, for adapters of other ports on the same table. */
  get tableAccess(): DynamoTable {
    return this.t;
  }

  // ---- items -------------------------------------------------------------------------------

  async unknownItemIds(ids: string[]): Promise<Set<string>> {
    const unknown = new Set(ids);
    const rows = await this.t.batchGet([...unknown].map((id) => ({ pk: `ITEM#${id}`, sk: 'A' })), 'pk');
    for (const row of rows) unknown.delete(String(row.pk).slice('ITEM#'.length));
    return unknown;
  }

  /** New items written while `keepNewItems(true)`, by id, as `getItems` would read them back; null when off. */
  private kept: Map<string, Item> | null = null;

  keepNewItems(on: boolean): void {
    this.kept = on ? new Map() : null;
  }

  async putItemIfNew(item: Item, identityKeys: string[]): Promise<PutItemResult> {
    return (await this.putItems([{ item, identityKeys }]))[0]!;
  }

  /**
   * Stores new items in a few requests, none of them per item. Rows per new item: the item (also its
   * URL's claim: the id is the URL's hash), the content-hash key and, when the guid is not just the
   * URL, the guid key; plus the pending marker the crawl wrote first.
   * 1. One batched read (100 keys a request) of the item rows and every identity key decides what is
   *    already stored: exists, or a duplicate of the item that owns one of its keys.
   * 2. The new items' key rows are written in BatchWriteItem requests (25 a request, unprocessed rows
   *    retried with backoff), then read back with a consistent batched read: a key another writer
   *    claimed meanwhile makes this item its duplicate.
   * 3. The item rows of the rest, in batches. A crash between claims and items loses nothing: a retry
   *    finds the claims its own.
   * Within one process the crawl decides concurrent copies before they get here (one registry per
   * crawl round); across processes two writers can still both pass in the few milliseconds between
   * one's read-back and the other's claim: both items are stored, and analysis puts a syndicated
   * copy in the same story as the original (its outlet is listed as "also in").
   */
  async putItems(input: NewItem[]): Promise<PutItemResult[]> {
    // A body of any size is kept whole in the raw snapshot; the stored item keeps its first MAX_ITEM_TEXT characters.
    const entries = input.map((e) => ({ ...e, item: capItem(e.item) }));
    const results: Array<PutItemResult | undefined> = new Array(entries.length);
    const read = new Set<string>();
    for (const { item, identityKeys } of entries) {
      read.add(`ITEM#${item.id}`);
      for (const k of identityKeys) read.add(`KEY#${k}`);
    }
    const owner = new Map((await this.t.batchGet([...read].map((pk) => ({ pk, sk: 'A' })), ['pk', 'itemId'])).map((r) => [String(r.pk), String(r.itemId ?? '')]));

    // Claims of the new items; a key twice in this call goes to the first item that has it.
    const claims = new Map<string, string>();
    const fresh: number[] = [];
    entries.forEach(({ item, identityKeys }, i) => {
      if (owner.has(`ITEM#${item.id}`)) return void (results[i] = { status: 'exists' });
      for (const key of identityKeys) {
        const by = owner.get(`KEY#${key}`) ?? claims.get(key);
        if (by !== undefined && by !== item.id) return void (results[i] = { status: 'duplicate', duplicateOf: by, key });
      }
      for (const key of identityKeys) if (!impliedByItemRow(item, key)) claims.set(key, item.id);
      fresh.push(i);
    });
    await this.t.batchWrite([...claims].map(([key, itemId]) => ({ PutRequest: { Item: { pk: `KEY#${key}`, sk: 'A', entity: 'key', itemId } } })));
    const check = await this.t.batchGet([...claims.keys()].map((key) => ({ pk: `KEY#${key}`, sk: 'A' })), ['pk', 'itemId'], { consistent: true });
    const claimedBy = new Map(check.map((r) => [String(r.pk).slice('KEY#'.length), String(r.itemId ?? '')]));

    const items: Row[] = [];
    for (const i of fresh) {
      const { item, identityKeys } = entries[i]!;
      // Lost only to another owner: a claim not read back at all was not taken by anyone else.
      const lost = identityKeys.find((k) => claims.has(k) && claimedBy.has(k) && claimedBy.get(k) !== item.id);
      if (lost) {
        results[i] = { status: 'duplicate', duplicateOf: claimedBy.get(lost)!, key: lost };
        continue;
      }
      const time = itemTime(item);
      items.push(
        packRow(
          {
            pk: `ITEM#${item.id}`,
            sk: 'A',
            entity: 'item',
            gsi1pk: `SRC#${item.sourceId}`,
            gsi1sk: `${time}#${item.id}`,
            gsi2pk: `ITEMS#${monthOf(time)}`,
            gsi2sk: `${time}#${item.id}`,
            ...item,
          },
          ITEM_PROJECTED,
        ),
      );
      results[i] = { status: 'new' };
    }
    await this.t.batchWrite(items.map((Item) => ({ PutRequest: { Item } })));
    if (this.kept) {
      // Kept only once written; decoded from the row as written (unpacked, then a JSON round trip, as the wire
      // does), so the reader sees exactly what a read back would give.
      for (const row of items) {
        if (this.kept.size >= MAX_KEPT_ITEMS) break;
        const item = Item.parse(JSON.parse(JSON.stringify(stripKeys(row))) as Row);
        this.kept.set(item.id, item);
      }
    }
    return results as PutItemResult[];
  }

  async itemTimes(ids: string[]): Promise<Array<{ id: string; time: string }>> {
    const unique = [...new Set(ids)];
    const out: Array<{ id: string; time: string }> = [];
    const missing: string[] = [];
    for (const id of unique) {
      const kept = this.kept?.get(id);
      if (kept) out.push({ id, time: String(kept.publishedAt ?? kept.fetchedAt) });
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows = await this.t.batchGet(missing.map((id) => ({ pk: `ITEM#${id}`, sk: 'A' })), ['id', 'publishedAt', 'fetchedAt']);
    return [...out, ...rows.map((r) => ({ id: String(r.id), time: String(r.publishedAt ?? r.fetchedAt) }))];
  }

  async getItem(id: string): Promise<Item | null> {
    const kept = this.kept?.get(id);
    if (kept) return kept;
    const row = await this.t.get(`ITEM#${id}`, 'A');
    return row ? Item.parse(stripKeys(row)) : null;
  }

  async getItems(ids: string[]): Promise<Item[]> {
    const byId = new Map<string, Item>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const kept = this.kept?.get(id);
      if (kept) byId.set(id, kept);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const rows = await this.t.batchGet(missing.map((id) => ({ pk: `ITEM#${id}`, sk: 'A' })));
      for (const r of rows) byId.set(String(r.id), Item.parse(stripKeys(r)));
    }
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async itemsBySource(sourceId: string, range: TimeRange = {}): Promise<Page<Item>> {
    const page = await this.t.queryPage(
      {
        IndexName: 'gsi1',
        ...this.t.rangeCondition('gsi1pk', 'gsi1sk', `SRC#${sourceId}`, range),
        ScanIndexForward: false,
      },
      range,
    );
    return { items: page.rows.map((r) => Item.parse(stripKeys(r))), cursor: page.cursor };
  }

  async itemsByTime(range: TimeRange = {}): Promise<Page<Item>> {
    // Items are partitioned by month; walk months from `to` back to `from`, newest first.
    const limit = Math.min(range.limit ?? 50, MAX_PAGE);
    const toMonth = monthOf(range.to ?? new Date().toISOString());
    const fromMonth = monthOf(range.from ?? '2000-01-01');
    let state: { month: string; key?: Row } = range.cursor
      ? decodeCursor<{ month: string; key?: Row }>(range.cursor)
      : { month: toMonth };
    const items: Item[] = [];
    while (state.month >= fromMonth) {
      const out = await this.t.doc.send(
        new QueryCommand({
          TableName: this.t.name,
          IndexName: 'gsi2',
          ...this.t.rangeCondition('gsi2pk', 'gsi2sk', `ITEMS#${state.month}`, range),
          ScanIndexForward: false,
          Limit: limit - items.length,
          ExclusiveStartKey: state.key,
        }),
      );
      for (const r of out.Items ?? []) items.push(Item.parse(stripKeys(r)));
      if (out.LastEvaluatedKey) {
        state = { month: state.month, key: out.LastEvaluatedKey };
        if (items.length >= limit) return { items, cursor: encodeCursor(state) };
      } else {
        state = { month: previousMonth(state.month) };
        if (items.length >= limit) {
          return { items, cursor: state.month >= fromMonth ? encodeCursor(state) : null };
        }
      }
    }
    return { items, cursor: null };
  }

  // ---- source state ------------------------------------------------------------------------

  async getSourceState(sourceId: string): Promise<SourceState | null> {
    const row = await this.t.get(`SOURCE#${sourceId}`, 'STATE');
    return row ? SourceState.parse(stripKeys(row)) : null;
  }

  async putSourceState(input: SourceState): Promise<void> {
    await this.t.put(sourceStateRow(input));
    await this.dataVersion.bump();
  }

  async putSourceStates(states: SourceState[]): Promise<void> {
    if (states.length === 0) return;
    await this.t.batchWrite(states.map((s) => ({ PutRequest: { Item: sourceStateRow(s) } })));
    await this.dataVersion.bump();
  }

  async listSourceStates(): Promise<SourceState[]> {
    const rows = await this.t.queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'SOURCES' },
    });
    return rows.map((r) => SourceState.parse(stripKeys(r)));
  }

  // ---- box-office charts -------------------------------------------------------------------

  /**
   * Stores a chart period. Several sources may report the same site and period (a chart split over
   * pages, a mirror): their rows are merged, one per title, each remembering its source, and a
   * source storing the period again replaces only its own rows.
   */
  async putChart(chart: StoredChart): Promise<{ created: boolean; entries: number }> {
    const start = chart.period.start ?? 'unknown';
    const pk = `CHART#${chart.site}#${chart.period.type}#${start}`;
    const previous = await this.t.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });
    const previousHeader = previous.find((r) => r.sk === 'A');
    const entryRows: Row[] = chart.entries.map(capChartEntry).map((e) => ({
      pk,
      sk: `E#${titleKey(e.title)}`,
      entity: 'chart-entry',
      gsi1pk: `TITLE#${titleKey(e.title)}`,
      gsi1sk: `${start}#${chart.site}#${chart.period.type}`,
      site: chart.site,
      periodType: chart.period.type,
      start: chart.period.start,
      end: chart.period.end,
      ...e,
      sourceId: chart.sourceId,
    }));
    const keep = new Set(entryRows.map((r) => r.sk as string));
    // Rows stored before sources were recorded per row belong to the header's source.
    const ownerOf = (r: Row) => (typeof r.sourceId === 'string' ? r.sourceId : previousHeader?.sourceId);
    const stale = previous.filter((r) => r.sk !== 'A' && !keep.has(r.sk as string) && ownerOf(r) === chart.sourceId);
    const staleKeys = new Set(stale.map((r) => r.sk as string));
    const total = new Set([...previous.filter((r) => r.sk !== 'A' && !staleKeys.has(r.sk as string)).map((r) => r.sk as string), ...keep]).size;
    const header: Row = {
      pk,
      sk: 'A',
      entity: 'chart',
      gsi2pk: `CHARTS#${chart.period.type}`,
      gsi2sk: `${start}#${chart.site}`,
      site: chart.site,
      period: chart.period,
      sourceId: chart.sourceId,
      fetchedAt: chart.fetchedAt,
      entryCount: total,
    };
    await this.t.batchWrite([
      ...[header, ...entryRows].map((Item) => ({ PutRequest: { Item } })),
      ...stale.map((r) => ({ DeleteRequest: { Key: { pk: r.pk, sk: r.sk } } })),
    ]);
    await this.dataVersion.bump();
    return { created: previous.length === 0, entries: entryRows.length };
  }

  async getChart(site: string, periodType: string, start: string): Promise<StoredChart | null> {
    const rows = await this.t.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `CHART#${site}#${periodType}#${start}` },
    });
    const header = rows.find((r) => r.sk === 'A');
    if (!header) return null;
    const entries = rows
      .filter((r) => r.sk !== 'A')
      .map((r) => {
        const { site: _s, periodType: _p, start: _st, end: _e, sourceId: _src, ...entry } = stripKeys<Row>(r);
        return entry as unknown as BoxOfficeEntry;
      })
      .sort((a, b) => (a.rank ?? 9999) - (b.rank ?? 9999));
    return {
      site: header.site as string,
      period: header.period as ChartInfo['period'],
      sourceId: header.sourceId as string,
      fetchedAt: header.fetchedAt as string,
      entries,
    };
  }

  async listCharts(periodType: string, range: TimeRange = {}): Promise<Page<ChartInfo & { sourceId: string }>> {
    const page = await this.t.queryPage(
      {
        IndexName: 'gsi2',
        ...this.t.rangeCondition('gsi2pk', 'gsi2sk', `CHARTS#${periodType}`, {
          ...range,
          to: range.to ? `${range.to}\uffff` : undefined,
        }),
        ScanIndexForward: false,
      },
      range,
    );
    return {
      items: page.rows.map((r) => ({
        site: r.site as string,
        period: r.period as ChartInfo['period'],
        sourceId: r.sourceId as string,
      })),
      cursor: page.cursor,
    };
  }

  async titleSeries(title: string) {
    const rows = await this.t.queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `TITLE#${titleKey(title)}` },
    });
    return rows.map((r) => stripKeys(r) as unknown as BoxOfficeEntry & {
      site: string;
      periodType: string;
      start: string | null;
      end: string | null;
    });
  }
}
