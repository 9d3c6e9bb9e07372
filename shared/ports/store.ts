// Store ports: narrow interfaces over the single-table store, one per capability.
import type { Item } from '../model/item.js';
import type { SourceState } from '../model/source-state.js';
import type { BoxOfficeEntry, ChartInfo } from '../model/boxoffice.js';

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null at the end. */
  cursor: string | null;
}

export interface TimeRange {
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string | null;
}

export type PutItemResult =
  | { status: 'new' }
  | { status: 'exists' }
  | { status: 'duplicate'; duplicateOf: string; key: string };

/** An item to store and its identity keys (guid, canonical url, content hash), strongest first. */
export interface NewItem {
  item: Item;
  identityKeys: string[];
}

export interface ItemStore {
  /**
   * Stores items, each unless one of its identity keys already belongs to another item; one result
   * per item, in order. Batched: a crawled page costs a few requests, not a few per item.
   * Idempotent: retrying the same items after a crash completes them.
   */
  putItems(items: NewItem[]): Promise<PutItemResult[]>;
  /** `putItems` of one item. */
  putItemIfNew(item: Item, identityKeys: string[]): Promise<PutItemResult>;
  /** Ids and times (published, else fetched) of the stored items among these, read without their text. */
  itemTimes(ids: string[]): Promise<Array<{ id: string; time: string }>>;
  /** Of these item ids, the ones not stored yet (one batched read: a re-crawled page costs no writes). */
  unknownItemIds(ids: string[]): Promise<Set<string>>;
  getItem(id: string): Promise<Item | null>;
  /** Items by id in the order asked; ids not stored are left out. */
  getItems(ids: string[]): Promise<Item[]>;
  itemsBySource(sourceId: string, range?: TimeRange): Promise<Page<Item>>;
  /** Items published (or fetched, when undated) in a time range, newest first. */
  itemsByTime(range: TimeRange): Promise<Page<Item>>;
  /**
   * While on, the new items this store writes are also kept in memory (up to a cap), exactly as they are read back,
   * and `getItems`, `getItem` and `itemTimes` answer from there first: a local cycle's analysis reads the items its
   * crawl just wrote without a round trip each. Off (the default, and what a Lambda never turns on) drops them.
   */
  keepNewItems?(on: boolean): void;
}

export interface SourceStateStore {
  getSourceState(sourceId: string): Promise<SourceState | null>;
  putSourceState(state: SourceState): Promise<void>;
  /** Several states in batched writes (the crawl's unchanged sources, written together at the end of a round). */
  putSourceStates(states: SourceState[]): Promise<void>;
  listSourceStates(): Promise<SourceState[]>;
}

export interface StoredChart extends ChartInfo {
  sourceId: string;
  fetchedAt: string;
  entries: BoxOfficeEntry[];
}

export interface ChartStore {
  /** Stores a chart period; sources reporting the same site and period are merged, and a source storing it again replaces its own rows. */
  putChart(chart: StoredChart): Promise<{ created: boolean; entries: number }>;
  getChart(site: string, periodType: string, start: string): Promise<StoredChart | null>;
  /** Charts of one period type, newest period first. */
  listCharts(periodType: string, range?: TimeRange): Promise<Page<ChartInfo & { sourceId: string }>>;
  /** One title's entries across charts, oldest period first. */
  titleSeries(title: string): Promise<Array<BoxOfficeEntry & { site: string; periodType: string; start: string | null; end: string | null }>>;
}

export type Store = ItemStore & SourceStateStore & ChartStore;
