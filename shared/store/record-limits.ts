// Caps that keep every record the store writes under DynamoDB's item limit, whatever the web, a model or a chart sends.
import type { AnswerRecord } from '../ports/answer-store.js';
import type { CounterBrief } from '../model/counter-brief.js';
import type { Event, EventExtraction } from '../model/event.js';
import type { Item } from '../model/item.js';
import type { Release } from '../model/release.js';
import type { SourceState } from '../model/source-state.js';
import type { Story } from '../model/story.js';
import type { BoxOfficeEntry } from '../model/boxoffice.js';
import { cap, capList, capOrNull } from './item-size.js';

/**
 * Stored text of an item. The raw snapshot in the object store keeps the whole body; 64 000
 * characters (at most 256 KB of UTF-8) is ten thousand words, more than any article the analyst reads.
 */
export const MAX_ITEM_TEXT = 64_000;
const TITLE = 1_000;
const URL = 4_000;
const NAME = 300;

export function capItem(item: Item): Item {
  return {
    ...item,
    url: capOrNull(item.url, URL),
    guid: capOrNull(item.guid, URL),
    title: cap(item.title, TITLE),
    author: capOrNull(item.author, NAME),
    text: cap(item.text, MAX_ITEM_TEXT),
    categories: capList(item.categories, 50, 200),
    tags: capList(item.tags, 20, 50),
  };
}

/** An analyst's extraction (a model may return anything): at most 20 names of each kind, one summary sentence. */
export function capExtraction<T extends EventExtraction>(e: T): T {
  return {
    ...e,
    studios: capList(e.studios, 20),
    titles: capList(e.titles, 20),
    people: capList(e.people, 30),
    money: e.money.slice(0, 20).map((m) => ({ ...m, context: cap(m.context, NAME) })),
    summary: cap(e.summary, 2_000),
  };
}

/** Events cite their story's members (at most 25); a story merged from many keeps the first 200 ids. */
export function capEvent(e: Event): Event {
  return { ...capExtraction(e), itemIds: e.itemIds.slice(0, 200) };
}

export function capStory(s: Story): Story {
  return {
    ...s,
    title: cap(s.title, TITLE),
    members: s.members.slice(0, 50).map((m) => ({ ...m, title: cap(m.title, TITLE), lead: cap(m.lead, 2_000), url: capOrNull(m.url, URL) })),
  };
}

/** The last 100 date changes of a title (a release moved more often than that is news of its own). */
export function capRelease(r: Release): Release {
  return { ...r, title: cap(r.title, TITLE), distributor: capOrNull(r.distributor, NAME), genres: capList(r.genres, 20, 50), history: r.history.slice(-100) };
}

export function capSourceState(s: SourceState): SourceState {
  return {
    ...s,
    etag: capOrNull(s.etag, 1_000),
    lastModified: capOrNull(s.lastModified, 200),
    lastError: capOrNull(s.lastError, 2_000),
    lastErrorCode: capOrNull(s.lastErrorCode, 100),
    lastSnapshotKey: capOrNull(s.lastSnapshotKey, 1_000),
    lastWarnings: capList(s.lastWarnings ?? [], 10, 500),
  };
}

export function capChartEntry(e: BoxOfficeEntry): BoxOfficeEntry {
  return { ...e, title: cap(e.title, 500), distributor: capOrNull(e.distributor, NAME) };
}

/** An answer keeps its first 50 000 characters, 100 citations and 500 event ids. */
export function capAnswer(a: AnswerRecord): AnswerRecord {
  return {
    ...a,
    question: cap(a.question, 2_000),
    answer: cap(a.answer, 50_000),
    citations: a.citations.slice(0, 100).map((c) => ({ ...c, title: cap(c.title, TITLE), url: capOrNull(c.url, URL), source: cap(c.source, NAME) })),
    eventIds: a.eventIds.slice(0, 500),
    askedBy: cap(a.askedBy, NAME),
  };
}

/** A counter-programming brief is a page for people: ten cited sentences, fifty titles, thirty comparables. */
export function capCounterBrief(b: CounterBrief): CounterBrief {
  return {
    ...b,
    headline: cap(b.headline, TITLE),
    whatHappened: b.whatHappened.slice(0, 10).map((w) => ({ text: cap(w.text, 2_000), cites: w.cites.slice(0, 10) })),
    weekend: { ...b.weekend, titles: b.weekend.titles.slice(0, 50).map((x) => ({ ...x, title: cap(x.title, TITLE), distributor: capOrNull(x.distributor, NAME), genres: capList(x.genres, 10, 50) })) },
    comparables: b.comparables.slice(0, 30).map((c) => ({ ...c, title: cap(c.title, TITLE), distributor: capOrNull(c.distributor, NAME), genres: capList(c.genres, 10, 50) })),
    options: b.options.slice(0, 8).map((o) => ({ ...o, title: cap(o.title, NAME), text: cap(o.text, 4_000) })),
    citations: b.citations.slice(0, 60).map((c) => ({ ...c, title: cap(c.title, TITLE), url: capOrNull(c.url, URL), source: cap(c.source, NAME) })),
    eventIds: b.eventIds.slice(0, 200),
  };
}
