// Use-case explain: the audit record of an event, story, item, brief or answer (who produced it, from which items, when, at what cost, what it changed) and its plain-words form.
import type { AnalystInfo, Event } from '../model/event.js';
import type { Item } from '../model/item.js';
import type { Story } from '../model/story.js';
import type { EventStore, ReleaseStore, StoryStore } from '../ports/analysis-store.js';
import type { ItemStore } from '../ports/store.js';
import type { BriefStore } from '../ports/brief-store.js';
import type { AnswerStore } from '../ports/answer-store.js';
import { DEFAULT_WINDOW_HOURS } from '../analysis/cluster.js';
import { titleKey } from '../util/text.js';
import { NothingToExplainError } from './errors.js';

export interface ExplainDeps {
  analysis: Pick<EventStore, 'getEvent'> & Pick<StoryStore, 'getStory' | 'storiesBetween'> & Pick<ReleaseStore, 'getRelease'>;
  store: Pick<ItemStore, 'getItem' | 'getItems'>;
  /** Counter-programming briefs (`br_…`), when the runtime has them. */
  briefs?: Pick<BriefStore, 'getBrief'>;
  /** The answer archive (`ans_…`), when the runtime has it. */
  answers?: Pick<AnswerStore, 'getAnswer'>;
}

/** Who produced a record: an analyst (embedded rules version, or model + prompt version), or the crawler for an item. */
export type Producer =
  | AnalystInfo
  | { kind: 'crawler'; sourceId: string; snapshotKey: string | null }
  /** The brief writer or the query agent, by the name it records ("embedded-query-1", "llm brief-v1"). */
  | { kind: 'agent'; name: string };

export interface AuditItem {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  /** The item is cited but no longer stored (removed by `marquee purge`). */
  purged: boolean;
}

export interface CalendarChange {
  title: string;
  titleKey: string;
  from: string | null;
  to: string | null;
  at: string;
}

export interface AuditRecord {
  kind: 'event' | 'story' | 'item' | 'brief' | 'answer';
  id: string;
  /** Briefs: what it is about; answers: the question. */
  headline?: string;
  /** Answers: the API key's name that asked. */
  askedBy?: string;
  /** Answers: why the model's answer was not used and the embedded reader answered instead. */
  fallback?: string;
  /** Briefs: draft, approved or dismissed, and who decided. */
  status?: string;
  review?: { by: string; at: string; note: string | null } | null;
  /** Briefs and answers: the events they rest on. */
  eventIds?: string[];
  /** Event type, for events and analyzed stories. */
  eventType: Event['type'] | null;
  summary: string | null;
  /** Null for a story not analyzed yet. */
  producedBy: Producer | null;
  /** Event: when it was stored; story: when it was analyzed (else first seen); item: when it was fetched. */
  createdAt: string;
  storyId: string | null;
  eventId: string | null;
  items: AuditItem[];
  /** Model tokens spent (prompt + completion); null when the record predates per-event costs. */
  tokenCost: number | null;
  calendarChanges: CalendarChange[];
}

function auditItems(ids: string[], stored: Item[], story: Story | null): AuditItem[] {
  const byId = new Map(stored.map((i) => [i.id, i]));
  const members = new Map((story?.members ?? []).map((m) => [m.itemId, m]));
  return ids.map((id) => {
    const i = byId.get(id);
    if (i) return { id, title: i.title, source: i.sourceId, url: i.url, publishedAt: i.publishedAt, purged: false };
    // A purged item is still described by the story that cited it, when there is one.
    const m = members.get(id);
    return { id, title: m?.title ?? null, source: m?.sourceId ?? null, url: m?.url ?? null, publishedAt: m?.time ?? null, purged: true };
  });
}

function tokenCost(e: Event): number | null {
  if (typeof e.tokens === 'number') return e.tokens;
  return e.analyst.kind === 'embedded' ? 0 : null; // the embedded rules never call a model
}

async function calendarChanges(e: Event, deps: ExplainDeps): Promise<CalendarChange[]> {
  const out: CalendarChange[] = [];
  for (const key of new Set(e.titles.map(titleKey))) {
    const release = await deps.analysis.getRelease(key);
    for (const h of release?.history ?? []) {
      if (h.eventId === e.id) out.push({ title: release!.title, titleKey: key, from: h.previousDate, to: h.date, at: h.at });
    }
  }
  return out;
}

async function eventRecord(e: Event, deps: ExplainDeps, kind: 'event' | 'story', story: Story | null, createdAt?: string): Promise<AuditRecord> {
  const s = story ?? (await deps.analysis.getStory(e.storyId));
  return {
    kind,
    id: kind === 'event' ? e.id : s!.id,
    eventType: e.type,
    summary: e.summary,
    producedBy: e.analyst,
    createdAt: createdAt ?? e.createdAt,
    storyId: e.storyId,
    eventId: e.id,
    items: auditItems(e.itemIds, await deps.store.getItems(e.itemIds), s),
    tokenCost: tokenCost(e),
    calendarChanges: await calendarChanges(e, deps),
  };
}

/** The story that holds an item: stories are partitioned by the day first seen, at most the clustering window before the item. */
async function storyOf(item: Item, deps: ExplainDeps): Promise<Story | null> {
  const time = item.publishedAt ?? item.fetchedAt;
  const from = new Date(Date.parse(time) - DEFAULT_WINDOW_HOURS * 3_600_000).toISOString();
  const stories = await deps.analysis.storiesBetween(from, time);
  return stories.find((s) => s.members.some((m) => m.itemId === item.id)) ?? null;
}

/**
 * The audit record of an event (`e_…`), a story (`s_…`) or an item id. Throws NothingToExplainError
 * when nothing with that id is stored.
 */
export async function explain(id: string, deps: ExplainDeps): Promise<AuditRecord> {
  const trimmed = id.trim();
  if (trimmed.startsWith('e_')) {
    const e = await deps.analysis.getEvent(trimmed);
    if (e) return eventRecord(e, deps, 'event', null);
  } else if (trimmed.startsWith('s_')) {
    const s = await deps.analysis.getStory(trimmed);
    if (s) {
      const e = s.eventId ? await deps.analysis.getEvent(s.eventId) : null;
      if (e) return eventRecord(e, deps, 'story', s, s.analyzedAt ?? s.firstSeenAt);
      const ids = s.members.map((m) => m.itemId);
      return {
        kind: 'story', id: s.id, eventType: null, summary: null, producedBy: null, createdAt: s.firstSeenAt,
        storyId: s.id, eventId: null, items: auditItems(ids, await deps.store.getItems(ids), s), tokenCost: null, calendarChanges: [],
      };
    }
  } else if (trimmed.startsWith('br_') && deps.briefs) {
    const b = await deps.briefs.getBrief(trimmed);
    if (b) {
      const stored = new Set((await deps.store.getItems(b.citations.map((c) => c.itemId))).map((i) => i.id));
      return {
        kind: 'brief', id: b.id, headline: b.headline, status: b.status, review: b.review, eventIds: b.eventIds,
        eventType: null, summary: null,
        producedBy: b.analyst.kind === 'embedded' ? { kind: 'embedded', version: b.analyst.version } : { kind: 'agent', name: `${b.analyst.kind} ${b.analyst.version}` },
        createdAt: b.createdAt, storyId: null, eventId: null,
        items: b.citations.map((c) => ({ id: c.itemId, title: c.title, source: c.source, url: c.url, publishedAt: c.publishedAt, purged: !stored.has(c.itemId) })),
        tokenCost: b.tokens, calendarChanges: [],
      };
    }
  } else if (trimmed.startsWith('ans_') && deps.answers) {
    const a = await deps.answers.getAnswer(trimmed);
    if (a) {
      const ids = a.citations.flatMap((c) => (c.itemId ? [c.itemId] : []));
      const stored = new Set((await deps.store.getItems(ids)).map((i) => i.id));
      return {
        kind: 'answer', id: a.id, headline: a.question, askedBy: a.askedBy, eventIds: a.eventIds, ...(a.fallback ? { fallback: a.fallback } : {}),
        eventType: null, summary: null, producedBy: { kind: 'agent', name: a.analyst },
        createdAt: a.createdAt, storyId: null, eventId: null,
        items: a.citations.map((c) => ({ id: c.itemId ?? `[${c.n}]`, title: c.title, source: c.source, url: c.url, publishedAt: c.publishedAt, purged: !!c.itemId && !stored.has(c.itemId) })),
        tokenCost: a.tokens, calendarChanges: [],
      };
    }
  } else if (/^[0-9a-f]{32}$/.test(trimmed)) {
    const item = await deps.store.getItem(trimmed);
    if (item) {
      const story = await storyOf(item, deps);
      return {
        kind: 'item', id: item.id, eventType: null, summary: null,
        producedBy: { kind: 'crawler', sourceId: item.sourceId, snapshotKey: item.snapshotKey },
        createdAt: item.fetchedAt, storyId: story?.id ?? null, eventId: story?.eventId ?? null,
        items: auditItems([item.id], [item], null), tokenCost: 0, calendarChanges: [],
      };
    }
  }
  throw new NothingToExplainError(trimmed);
}

const at = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function producer(p: Producer): string {
  if (p.kind === 'embedded') return `the embedded analyst ${p.version}`;
  if (p.kind === 'llm') return `the model ${p.model} with prompt ${p.promptVersion}`;
  if (p.kind === 'agent') return p.name;
  return `the crawler of source ${p.sourceId}`;
}

function itemLine(i: AuditItem): string {
  const title = i.title ? `"${i.title}"` : i.id;
  const where = [i.source, i.publishedAt?.slice(0, 10)].filter(Boolean).join(', ');
  return `${title}${where ? ` (${where})` : ''}${i.purged ? ' [purged]' : ''}`;
}

function changeLine(c: CalendarChange): string {
  if (c.to && c.from) return `moved ${c.title} from ${c.from} to ${c.to}`;
  if (c.to) return `dated ${c.title} for ${c.to}`;
  return `took ${c.title} off the calendar${c.from ? ` (it was ${c.from})` : ''}`;
}

/** The audit record in plain words, one paragraph. */
export function explainText(r: AuditRecord): string {
  const type = r.eventType ? ` (${r.eventType.replace(/_/g, ' ')})` : '';
  const name = r.kind === 'event' ? 'Event' : r.kind === 'story' ? 'Story' : 'Item';
  const parts: string[] = [];
  const purgedCount = r.items.filter((i) => i.purged).length;
  const purgedNote = purgedCount > 0 ? ` ${plural(purgedCount, 'cited item')} ${purgedCount === 1 ? 'was' : 'were'} purged since (retention).` : '';
  // Same wording as the briefs and answers sections of GET /v1/audit/{id}.
  if (r.kind === 'answer') {
    const fallback = r.fallback ? ` The model's answer was not used (${r.fallback}); the embedded reader answered.` : '';
    return `Answer ${r.id} to "${r.headline}" was given by ${producer(r.producedBy!)} on ${at(r.createdAt)} for key "${r.askedBy}", from ${plural(r.items.length, 'cited item')} and ${plural(r.eventIds?.length ?? 0, 'event')}, at a cost of ${r.tokenCost} model tokens.${fallback}${purgedNote}`;
  }
  if (r.kind === 'brief') {
    const who = r.producedBy!.kind === 'embedded' ? `embedded ${r.producedBy!.version}` : producer(r.producedBy!);
    return `Brief ${r.id} ("${r.headline}") was drafted by the ${who} on ${at(r.createdAt)} from ${plural(r.eventIds?.length ?? 0, 'event')} and ${plural(r.items.length, 'cited item')}, at a cost of ${r.tokenCost} model tokens; status ${r.status}${r.review ? ` (by ${r.review.by} on ${r.review.at.slice(0, 10)})` : ''}.${purgedNote}`;
  }
  if (r.kind === 'item') {
    const src = r.producedBy && r.producedBy.kind === 'crawler' ? r.producedBy : null;
    parts.push(`Item ${r.id} ${itemLine(r.items[0]!)} was fetched by ${producer(r.producedBy!)} on ${at(r.createdAt)}${src?.snapshotKey ? ` (raw snapshot ${src.snapshotKey})` : ''}.`);
    parts.push(r.eventId ? `It is cited by story ${r.storyId} and event ${r.eventId}.` : r.storyId ? `It is in story ${r.storyId}, not analyzed yet.` : 'No stored story cites it yet.');
    return parts.join(' ');
  }
  const from = `from ${plural(r.items.length, 'item')}: ${r.items.map(itemLine).join('; ')}.`;
  if (!r.producedBy) parts.push(`${name} ${r.id} was first seen on ${at(r.createdAt)} and is not analyzed yet; it groups ${plural(r.items.length, 'item')}: ${r.items.map(itemLine).join('; ')}.`);
  else parts.push(`${name} ${r.id}${type} was produced by ${producer(r.producedBy)} on ${at(r.createdAt)} ${from}`);
  if (r.kind === 'story' && r.eventId) parts.push(`Its event is ${r.eventId}.`);
  if (r.summary) parts.push(`Summary: ${r.summary.trim()}${/[.!?…]$/.test(r.summary.trim()) ? '' : '.'}`);
  if (r.producedBy) parts.push(r.tokenCost === null ? 'Its model token cost was not recorded (analyzed before costs were kept per event).' : `It cost ${plural(r.tokenCost, 'model token')}.`);
  if (r.calendarChanges.length > 0) parts.push(`It ${r.calendarChanges.map(changeLine).join(', and ')} on the release calendar.`);
  else if (r.producedBy) parts.push('It changed nothing on the release calendar.');
  return parts.join(' ') + purgedNote;
}
