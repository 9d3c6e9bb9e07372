// The embedded query agent: reads the question (no model), runs the same store queries the tools run, and writes a templated, cited answer.
import type { Event, EventType } from '../model/event.js';
import type { Item } from '../model/item.js';
import { titleKey } from '../util/text.js';
import { addDays, weekendOf } from '../util/week.js';
import { parseQuestion, type ParsedQuestion } from './question.js';
import { CitationList, type QueryService } from './query-service.js';
import type { AskResponse, EventView } from './schemas.js';
import { interestAnswer } from '../interest/interest-answer.js';

export const EMBEDDED_QUERY_VERSION = 'embedded-query-1';

const TYPE_LABEL: Record<EventType, [string, string]> = {
  release_dated: ['release date set', 'release dates set'],
  release_moved: ['release date move', 'release date moves'],
  trailer: ['trailer or first look', 'trailers or first looks'],
  casting: ['casting', 'castings'],
  acquisition: ['acquisition or deal', 'acquisitions or deals'],
  greenlight: ['greenlight', 'greenlights'],
  box_office: ['box-office report', 'box-office reports'],
  festival_awards: ['festival or awards item', 'festival or awards items'],
  executive: ['executive move', 'executive moves'],
  campaign: ['campaign', 'campaigns'],
  review: ['review', 'reviews'],
  other: ['other item', 'other items'],
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2027-03-12" → "Mar 12, 2027"; partial dates stay readable ("2027-03" → "Mar 2027"). */
export function humanDate(d: string | null): string {
  if (!d) return 'undated';
  const [y, m, day] = d.slice(0, 10).split('-');
  if (!m) return y!;
  if (!day) return `${MONTHS[Number(m) - 1]} ${y}`;
  return `${MONTHS[Number(m) - 1]} ${Number(day)}, ${y}`;
}

function money(n: number): string {
  if (n >= 1e9) return `$${(n / 1e9).toFixed(2)}B`;
  if (n >= 1e6) return `$${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `$${Math.round(n / 1e3)}K`;
  return `$${Math.round(n)}`;
}

function plural(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Titles the store knows, for reading questions; refreshed at most once a minute. */
export class TitleVocabulary {
  private cached: { at: number; titles: string[] } | null = null;
  constructor(private readonly service: QueryService, private readonly ttlMs = 60_000) {}

  async titles(): Promise<string[]> {
    const t = Date.now();
    if (this.cached && t - this.cached.at < this.ttlMs) return this.cached.titles;
    const today = this.service.today();
    const [calendar, slate, charts] = await Promise.all([
      this.service.deps.analysis.releasesBetween(addDays(today, -400), addDays(today, 730)),
      this.service.deps.analysis.slateReleases(),
      this.service.recentWeekends(8),
    ]);
    const titles = [...new Set([...calendar, ...slate].map((r) => r.title).concat(charts.flatMap((c) => c.entries.map((e) => e.title))))];
    this.cached = { at: t, titles };
    return titles;
  }
}

export interface EmbeddedAgentOptions {
  /** How many events the answer text names (the rest are counted and returned). */
  maxNamed?: number;
}

/** Answers a question from the store with the embedded reading; says so plainly when nothing matches. */
export async function answerEmbedded(service: QueryService, vocabulary: TitleVocabulary, question: string, options: EmbeddedAgentOptions = {}): Promise<AskResponse & { parsed: ParsedQuestion }> {
  const parsed = parseQuestion(question, { workspace: service.workspace, titles: await vocabulary.titles() }, service.deps.now());
  const base = { analyst: EMBEDDED_QUERY_VERSION, parsed };
  switch (parsed.intent) {
    case 'sources':
      return { ...base, ...(await sourcesAnswer(service)) };
    case 'interest':
      if (service.deps.interest) return { ...base, ...(await interestAnswer(service.deps.interest, parsed.titles, service.today())) };
      return { ...base, ...(await eventsAnswer(service, { ...parsed, intent: 'events', types: ['trailer'] }, options.maxNamed ?? 6)) };
    case 'boxoffice':
      return { ...base, ...(await boxOfficeAnswer(service, parsed)) };
    case 'releases':
      return { ...base, ...(await releasesAnswer(service, parsed)) };
    default:
      return { ...base, ...(await eventsAnswer(service, parsed, options.maxNamed ?? 6)) };
  }
}

type Answer = Pick<AskResponse, 'answer' | 'citations' | 'events'>;

function describeScope(p: ParsedQuestion, who: string[]): string {
  const parts: string[] = [];
  if (p.types.length) parts.push([...new Set(p.types.map((t) => TYPE_LABEL[t][1]))].join(' or '));
  else parts.push('events');
  if (who.length) parts.push(`involving ${who.join(' or ')}`);
  if (p.titles.length) parts.push(`about ${p.titles.join(' or ')}`);
  return parts.join(' ');
}

async function eventsAnswer(service: QueryService, p: ParsedQuestion, maxNamed: number): Promise<Answer> {
  const today = service.today();
  const range = p.range ?? { from: addDays(today, -84), to: today };
  const studios = p.studios.length ? p.studios : p.aboutSlate && service.workspace.studio && !p.titles.length ? [service.workspace.studio] : [];
  // A name the workspace does not know (a studio that is not a competitor, a title not on the calendar):
  // look it up as a studio, then as a title; never fall back to "everything".
  if (!studios.length && !p.titles.length && p.otherNames.length) {
    for (const name of p.otherNames) {
      if ((await service.events({ studio: name, from: range.from, to: range.to, limit: 1 })).events.length) studios.push(name);
      else if ((await service.events({ title: name, from: range.from, to: range.to, limit: 1 })).events.length) p.titles.push(name);
    }
    if (!studios.length && !p.titles.length) {
      return { answer: `I found no events involving ${p.otherNames.join(' or ')} between ${humanDate(range.from)} and ${humanDate(range.to)} in the store. Nothing is reported here beyond what the store holds.`, citations: [], events: [] };
    }
  }
  const found = new Map<string, Event>();
  const keyed = [...studios.map((s) => ({ studio: s })), ...p.titles.map((t) => ({ title: t }))];
  for (const k of keyed.length ? keyed : [{}]) {
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await service.events({ ...k, from: range.from, to: range.to, limit: 100, cursor });
      for (const e of r.events) found.set(e.id, e);
      if (!r.cursor) break;
      cursor = r.cursor;
    }
  }
  let events = [...found.values()].filter((e) => p.types.length === 0 || p.types.includes(e.type));
  // Both a studio and a title named: events that match both come first; keep the rest only if none do.
  if (studios.length && p.titles.length) {
    const both = events.filter((e) => e.titles.some((t) => p.titles.some((x) => titleKey(x) === titleKey(t))) && e.studios.some((s) => studios.some((x) => titleKey(x) === titleKey(s))));
    if (both.length) events = both;
  }
  events.sort((a, b) => (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt));
  const when = `between ${humanDate(range.from)} and ${humanDate(range.to)}`;
  const scope = describeScope(p, studios);
  if (events.length === 0) {
    return { answer: `I found no ${scope} ${when} in the store. Nothing is reported here beyond what the store holds.`, citations: [], events: [] };
  }
  const { views, items } = await service.viewEvents(events);
  const cites = new CitationList();
  const counts = new Map<EventType, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const breakdown = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => plural(n, TYPE_LABEL[t]));
  const lines = [`${events.length === 1 ? 'One match' : `${events.length} matches`} for ${scope} ${when}: ${breakdown.join(', ')}.`];
  for (const e of events.slice(0, maxNamed)) {
    const marks = citeItems(service, cites, e.itemIds, items);
    const summary = e.summary.replace(/\s*[.…]*\s*$/, '');
    lines.push(`${humanDate(e.publishedAt)}: ${summary}${/…$/.test(e.summary.trim()) ? '…' : ''}${marks}.`);
  }
  if (events.length > maxNamed) lines.push(`${events.length - maxNamed} more in the events list.`);
  return { answer: lines.join('\n'), citations: cites.list, events: views };
}

function citeItems(service: QueryService, cites: CitationList, itemIds: string[], items: Map<string, Item>, max = 2): string {
  const ns = itemIds
    .map((id) => items.get(id))
    .filter((i): i is Item => !!i)
    .slice(0, max)
    .map((i) => cites.add(service.citationOf(i)));
  return ns.length ? ' ' + ns.map((n) => `[${n}]`).join('') : '';
}

async function releasesAnswer(service: QueryService, p: ParsedQuestion): Promise<Answer> {
  const today = service.today();
  let from: string;
  let to: string;
  let focus: string | null = null;
  if (p.day) {
    focus = p.day;
    const weekend = weekendOf(p.day);
    from = addDays(weekend, -7);
    to = addDays(weekend, 9);
  } else if (p.range) {
    ({ from, to } = p.range);
  } else if (p.titles.length) {
    from = addDays(today, -30);
    to = addDays(today, 365);
  } else {
    from = today;
    to = addDays(today, 84);
  }
  const result = await service.releases(from, to);
  let releases = result.raw;
  let collisions = result.collisions;
  if (p.titles.length) {
    const keys = new Set(p.titles.map(titleKey));
    const named = releases.filter((r) => keys.has(titleKey(r.title)));
    collisions = collisions.filter((c) => keys.has(titleKey(c.slateTitle)) || keys.has(titleKey(c.competitorTitle)));
    const around = new Set(collisions.flatMap((c) => [titleKey(c.slateTitle), titleKey(c.competitorTitle)]));
    releases = releases.filter((r) => keys.has(titleKey(r.titleKey)) || keys.has(titleKey(r.title)) || around.has(titleKey(r.title)));
    if (named.length === 0 && releases.length === 0) {
      return { answer: `I found no dated release for ${p.titles.join(' or ')} between ${humanDate(from)} and ${humanDate(to)} in the calendar.`, citations: [], events: [] };
    }
  }
  if (p.studios.length && !p.aboutSlate) {
    const keys = new Set(p.studios.map(titleKey));
    releases = releases.filter((r) => r.distributor && keys.has(titleKey(service.canonicalStudio(r.distributor))));
  }
  const span = focus ? `around the weekend of ${humanDate(weekendOf(focus))} (one weekend either side)` : `between ${humanDate(from)} and ${humanDate(to)}`;
  if (releases.length === 0) {
    return { answer: `The calendar has no dated release ${span}.`, citations: [], events: [] };
  }
  // Cite the event behind each title's latest date change.
  const eventIds = [...new Set(releases.map((r) => r.history.at(-1)?.eventId).filter((x): x is string => !!x))];
  const events = (await Promise.all(eventIds.map((id) => service.deps.analysis.getEvent(id)))).filter((e): e is Event => !!e);
  const { views, items } = await service.viewEvents(events);
  const byEvent = new Map(events.map((e) => [e.id, e]));
  const cites = new CitationList();
  const cite = (eventId: string | null | undefined) => {
    const e = eventId ? byEvent.get(eventId) : undefined;
    return e ? citeItems(service, cites, e.itemIds, items, 1) : '';
  };
  const lines: string[] = [];
  const slateFocus = focus && p.aboutSlate ? releases.filter((r) => r.isSlate && r.date && Math.abs(Date.parse(r.date) - Date.parse(focus!)) <= 3 * 86_400_000) : [];
  if (slateFocus.length) lines.push(`Your title${slateFocus.length > 1 ? 's' : ''} that weekend: ${slateFocus.map((r) => `${r.title} (${humanDate(r.date)})`).join(', ')}.`);
  const others = releases.filter((r) => !r.isSlate);
  lines.push(
    others.length
      ? `Competitor titles dated ${span}: ` +
          others
            .slice(0, 12)
            .map((r) => `${r.title} (${[r.distributor, humanDate(r.date), r.width].filter(Boolean).join(', ')})${cite(r.history.at(-1)?.eventId)}`)
            .join('; ') +
          (others.length > 12 ? `; and ${others.length - 12} more` : '') +
          '.'
      : `No competitor title is dated ${span}.`,
  );
  const relevant = focus ? collisions.filter((c) => Math.abs(Date.parse(c.slateDate) - Date.parse(focus!)) <= 10 * 86_400_000) : collisions;
  if (relevant.length) {
    lines.push(
      'Collisions with your slate: ' +
        relevant
          .map(
            (c) =>
              `${c.slateTitle} (${humanDate(c.slateDate)}) vs ${c.competitorTitle} (${c.distributor ?? 'distributor unknown'}, ${humanDate(c.competitorDate)}, ${c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart'}${c.genreOverlap.length ? `, shared genres: ${c.genreOverlap.join(', ')}` : ''})${cite(c.eventId)}`,
          )
          .join('; ') +
        '.',
    );
  } else if (result.releases.some((r) => r.isSlate)) lines.push('No competitor title collides with your slate in that window.');
  return { answer: lines.join('\n'), citations: cites.list, events: views };
}

async function boxOfficeAnswer(service: QueryService, p: ParsedQuestion): Promise<Answer> {
  if (p.titles.length) {
    const lines: string[] = [];
    const cites = new CitationList();
    for (const title of p.titles.slice(0, 3)) {
      const r = await service.boxOffice({ title, weekends: 4 });
      if (r.rows.length === 0) {
        lines.push(`${title} is on none of the stored weekend charts.`);
        continue;
      }
      const marks = r.citations.map((c) => `[${cites.add(c)}]`).join('');
      const runs = r.rows.map((row, i) => `${i === 0 ? 'opened' : 'then'} ${row.gross !== null ? money(row.gross) : 'n/a'}${row.rank ? ` (#${row.rank}` : ' ('}${row.theaters ? `, ${row.theaters.toLocaleString('en-US')} theaters` : ''}${row.change !== null ? `, ${row.change > 0 ? '+' : ''}${row.change}%` : ''})`);
      const last = r.rows.at(-1)!;
      lines.push(`${title}: ${runs.join('; ')}${last.totalGross ? `; ${money(last.totalGross)} total so far` : ''} ${marks}.`.replace(' .', '.'));
    }
    return { answer: lines.join('\n'), citations: cites.list, events: [] };
  }
  if (p.genre) {
    const days = p.range ? (Date.parse(p.range.to) - Date.parse(p.range.from)) / 86_400_000 : 0;
    const weekends = p.weekends ?? (days >= 7 ? Math.min(26, Math.round(days / 7)) : 4);
    const r = await service.boxOffice({ genre: p.genre, weekends });
    const g = r.genre!;
    if (g.weekends.length === 0) return { answer: 'No weekend chart is stored yet.', citations: [], events: [] };
    const cites = new CitationList();
    const parts = g.weekends.map((w, i) => `${humanDate(w.start)}: ${money(w.gross)} (${w.share}% of the chart${w.titles.length ? `; ${w.titles.join(', ')}` : ''}) [${cites.add(r.citations[i]!)}]`);
    const total = g.weekends.reduce((s, w) => s + w.gross, 0);
    const first = g.weekends[0]!;
    const last = g.weekends.at(-1)!;
    const trend = first.gross > 0 ? Math.round(((last.gross - first.gross) / first.gross) * 100) : null;
    if (total === 0) {
      return { answer: `No ${g.name} title is on the last ${g.weekends.length} stored weekend charts (${parts.map((x) => x.split(':')[0]).join(', ')}).`, citations: cites.list, events: [] };
    }
    const lead = `${g.name[0]!.toUpperCase()}${g.name.slice(1)} over the last ${g.weekends.length} weekends grossed ${money(total)} in all${trend !== null ? `, ${trend >= 0 ? 'up' : 'down'} ${Math.abs(trend)}% from the first weekend to the last` : ''}.`;
    return { answer: [lead, ...parts.map((x) => `${x}.`)].join('\n'), citations: cites.list, events: [] };
  }
  let period: string | undefined;
  if (p.day) period = weekendOf(p.day);
  const r = await service.boxOffice({ period: period ?? 'latest', weekends: 4 });
  if (r.rows.length === 0) return { answer: period ? `No weekend chart is stored for ${humanDate(period)}.` : 'No weekend chart is stored yet.', citations: [], events: [] };
  const cites = new CitationList();
  const mark = r.citations.map((c) => `[${cites.add(c)}]`).join('');
  const top = r.rows.slice(0, 5).map((row) => `${row.rank ?? '-'}. ${row.title} ${row.gross !== null ? money(row.gross) : 'n/a'}${row.change !== null ? ` (${row.change > 0 ? '+' : ''}${row.change}%)` : row.weeks === 1 ? ' (new)' : ''}`);
  const total = r.rows.reduce((s, row) => s + (row.gross ?? 0), 0);
  return { answer: `Weekend of ${humanDate(r.period!.start)}: ${top.join('; ')}. Chart total ${money(total)} ${mark}.`, citations: cites.list, events: [] };
}

async function sourcesAnswer(service: QueryService): Promise<Answer> {
  const sources = await service.sources();
  const failing = sources.filter((s) => s.status === 'failing');
  const never = sources.filter((s) => s.status === 'never_run');
  const lines = [`${sources.length - failing.length - never.length} of ${sources.length} sources are healthy${failing.length ? `; ${failing.length} failing` : ''}${never.length ? `; ${never.length} not crawled yet` : ''}.`];
  for (const s of failing) lines.push(`${s.id}: ${s.lastError ?? 'failing'} (${s.consecutiveFailures} failure${s.consecutiveFailures === 1 ? '' : 's'} in a row, last success ${s.lastSuccessAt ? humanDate(s.lastSuccessAt) : 'never'}).`);
  return { answer: lines.join('\n'), citations: [], events: [] };
}

export type { EventView };
