// Event answers: typed events (trailers, castings, deals, …) by studio, title or genre; a studio's, title's or genre's
// activity grouped by kind; and the lookup of names the question uses, with an honest "nothing found" for the absent.
import type { Event, EventType } from '../../model/event.js';
import { titleKey } from '../../util/text.js';
import { addDays, isoWeekDates, isoWeekOf, isoWeekOfDate } from '../../util/week.js';
import type { NamedThing } from '../question.js';
import type { QueryService } from '../query-service.js';
import { AnswerContext, spanOf, type Answer } from './context.js';
import { count, humanDate, humanSpan, listJoin, money, percent } from './format.js';

export const TYPE_LABEL: Record<EventType, [string, string]> = {
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
const ORDER: EventType[] = ['release_moved', 'release_dated', 'acquisition', 'greenlight', 'box_office', 'trailer', 'casting', 'executive', 'campaign', 'festival_awards', 'review', 'other'];

function plural(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryOf(e: Event, max = 140): string {
  const s = e.summary.replace(/\s*[.…]*\s*$/, '');
  return s.length > max ? `${s.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : s;
}

/** Every event matching studios or titles (their indexes), else the week partitions of the window; newest first. */
async function collect(service: QueryService, keyed: Array<{ studio?: string; title?: string }>, range: { from: string; to: string }): Promise<Event[]> {
  const found = new Map<string, Event>();
  for (const k of keyed.length ? keyed : [{}]) {
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await service.events({ ...k, from: range.from, to: range.to, limit: 100, cursor });
      for (const e of r.events) found.set(e.id, e);
      if (!r.cursor) break;
      cursor = r.cursor;
    }
  }
  return [...found.values()].sort((a, b) => (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt));
}

/**
 * Events whose titles are of a genre: the calendar's genres (one range read), else how coverage describes the title
 * (read for at most the 30 most covered titles that the calendar does not classify).
 */
async function ofGenre(service: QueryService, events: Event[], genre: string): Promise<Event[]> {
  const today = service.today();
  const calendar = await service.deps.analysis.releasesBetween(addDays(today, -400), addDays(today, 730));
  const known = new Map([...calendar, ...(await service.deps.analysis.slateReleases())].filter((r) => r.genres.length).map((r) => [r.titleKey, r.genres]));
  const counts = new Map<string, { title: string; n: number }>();
  for (const e of events) for (const t of e.titles) counts.set(titleKey(t), { title: t, n: (counts.get(titleKey(t))?.n ?? 0) + 1 });
  const hits = new Set<string>();
  const unknown: string[] = [];
  for (const [key, { title }] of [...counts.entries()].sort((a, b) => b[1].n - a[1].n)) {
    const g = known.get(key);
    if (g) {
      if (g.includes(genre)) hits.add(key);
    } else unknown.push(title);
  }
  for (const t of unknown.slice(0, 30)) if ((await service.genres.of(t)).includes(genre)) hits.add(titleKey(t));
  return events.filter((e) => e.titles.some((t) => hits.has(titleKey(t))));
}

function scopeOf(ctx: AnswerContext, studios: string[], what: string): string {
  const p = ctx.p;
  return [what, studios.length ? `involving ${listJoin(studios)}` : '', p.titles.length ? `about ${listJoin(p.titles)}` : '', p.genre ? `(${p.genre} titles)` : ''].filter(Boolean).join(' ');
}

function studiosOf(ctx: AnswerContext): string[] {
  const p = ctx.p;
  const own = ctx.service.workspace.studio;
  if (p.studios.length) return p.studios;
  return p.aboutSlate && own && !p.titles.length && /\b(we|our (studio|company|team))\b/i.test(p.text) ? [own] : [];
}

/** A title that names a sequel: "X: Part Two", "X 2", "X III". */
const SEQUEL_TITLE = /:\s*part\s+(?:two|three|four|five|ii|iii|iv|v|\d)\b|\s(?:[2-9]|ii|iii|iv)$/i;

/** Events of the asked types (or any), newest first, the first few named with citations. */
export async function eventsAnswer(ctx: AnswerContext, maxNamed = 8): Promise<Answer> {
  const { service, p } = ctx;
  const range = ctx.pastRange(84);
  const studios = studiosOf(ctx);
  const keyed = [...studios.map((s) => ({ studio: s })), ...p.titles.map((t) => ({ title: t }))];
  // "Sequels" asks for the films, whatever the story was filed as: a sequel greenlit and dated in one story is a dating.
  const sequels = /\bsequels?\b/i.test(p.text);
  let events = (await collect(service, keyed, range)).filter((e) => p.types.length === 0 || p.types.includes(e.type) || (sequels && e.titles.some((t) => SEQUEL_TITLE.test(t))));
  // Both a studio and a title named: events that match both first; the rest only if none do.
  if (studios.length && p.titles.length) {
    const both = events.filter((e) => e.titles.some((t) => p.titles.some((x) => titleKey(x) === titleKey(t))) && e.studios.some((s) => studios.some((x) => titleKey(x) === titleKey(s))));
    if (both.length) events = both;
  }
  if (p.genre) events = await ofGenre(service, events, p.genre);
  // A forecast question: the previews, tracking and forecasts first (all box-office reports when none is one).
  if (/\b(outlook|forecasts?|tracking|projections?|projected|predictions?|expected to)\b/i.test(p.text)) {
    const ahead = events.filter((e) => /\b(preview|tracking|forecast|eyes|projected|projection|targets?|points to|advance|expected|could)\b/i.test(e.summary));
    if (ahead.length) events = ahead;
  }
  const what = p.types.length ? [...new Set(p.types.map((t) => TYPE_LABEL[t][1]))].join(' or ') : 'Events';
  const understood = `${scopeOf(ctx, studios, what.charAt(0).toUpperCase() + what.slice(1))}, ${spanOf(range)}`;
  if (events.length === 0) return ctx.done(understood, [], `${understood}: none in the store. Nothing is reported here beyond what the store holds.`);
  await ctx.load(events.slice(0, maxNamed));
  const counts = new Map<EventType, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const breakdown = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => plural(n, TYPE_LABEL[t]));
  const lines = events.slice(0, maxNamed).map((e) => `${humanDate(e.publishedAt)}: ${summaryOf(e, 200)}${ctx.citeEvent(e.id, 2)}.`);
  if (events.length > maxNamed) lines.push(`${events.length - maxNamed} more in the events list.`);
  return ctx.done(understood, lines, `${understood}: ${events.length === 1 ? 'one match' : `${events.length} matches`} (${breakdown.join(', ')}).`, events);
}

/** What one event says in a few words, by kind (dates for datings and moves, otherwise the summary). */
function brief(e: Event): string {
  const title = e.titles[0];
  if (e.type === 'release_dated' && title && e.releaseDate) return `${title} dated ${humanDate(e.releaseDate)}`;
  if (e.type === 'release_moved' && title && e.previousDate && e.previousDate !== e.releaseDate) return `${title}: ${humanDate(e.previousDate)} → ${e.releaseDate ? humanDate(e.releaseDate) : 'off the calendar'}`;
  return summaryOf(e, 110);
}

/** A studio's, title's or genre's activity over a window: events grouped by kind, and its titles on the latest chart. */
export async function activityAnswer(ctx: AnswerContext): Promise<Answer> {
  const { service, p } = ctx;
  const range = ctx.pastRange(84);
  const studios = studiosOf(ctx);
  const keyed = [...studios.map((s) => ({ studio: s })), ...p.titles.map((t) => ({ title: t }))];
  let events = await collect(service, keyed, range);
  if (p.genre) events = await ofGenre(service, events, p.genre);
  const subject = studios.length || p.titles.length ? listJoin([...studios, ...p.titles]) : p.genre ? `${p.genre.charAt(0).toUpperCase()}${p.genre.slice(1)} titles` : 'Everything';
  const understood = `${subject}: activity ${spanOf(range)}, grouped by kind`;
  const lines: string[] = [];
  const byType = new Map<EventType, Event[]>();
  for (const e of events) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  await ctx.load(ORDER.flatMap((t) => (byType.get(t) ?? []).slice(0, 4)));
  for (const t of ORDER) {
    const list = byType.get(t);
    if (!list?.length) continue;
    const shown = list.slice(0, 4).map((e) => `${brief(e)}${ctx.citeEvent(e.id)}`);
    lines.push(`${plural(list.length, TYPE_LABEL[t]).replace(/^\d+ /, (m) => m)}: ${shown.join('; ')}${list.length > 4 ? `; and ${list.length - 4} more` : ''}.`);
  }
  // The studio's titles on the latest weekend chart (what the studio earned, not only what it announced).
  if (studios.length) {
    const chart = (await service.charts('weekend', { to: ctx.today, limit: 1 }))[0];
    const keys = new Set(studios.map(titleKey));
    const rows = chart?.entries.filter((e) => e.distributor && keys.has(titleKey(service.canonicalStudio(e.distributor)))) ?? [];
    if (chart && rows.length) {
      const mark = ctx.citeChart(chart);
      lines.push(`On the latest weekend chart (${humanSpan(chart.period.start!, chart.period.end)}): ${rows.map((r) => `${r.title} #${r.rank ?? '-'} ${r.gross !== null ? money(r.gross) : 'n/a'}${r.weeks === 1 || r.isNew ? ' (opening weekend)' : r.change !== null ? ` (${percent(r.change)})` : ''}`).join('; ')}${mark}.`);
    }
  }
  if (!lines.length) return ctx.done(understood, [], `${understood}: nothing in the store for that window.`);
  const head = events.length ? `${understood}: ${count(events.length, 'event')}.` : `${understood}: no events, but:`;
  return ctx.done(understood, lines, head, events);
}

/** Resolves the names a question uses: a studio or title the store knows joins the question; the rest are absent. */
export async function resolveNamed(
  service: QueryService,
  named: NamedThing[],
  p: { studios: string[]; titles: string[] },
): Promise<{ absent: NamedThing[]; sequelEvents: Event[]; mentions: Array<{ name: string; events: Event[] }> }> {
  const absent: NamedThing[] = [];
  const sequelEvents: Event[] = [];
  const mentions: Array<{ name: string; events: Event[] }> = [];
  const wide = { from: addDays(service.today(), -400), to: service.today(), limit: 1 };
  for (const n of named) {
    if (n.kind === 'sequel') {
      const found = await findSequel(service, n);
      if (found.length) sequelEvents.push(...found);
      else absent.push(n);
      continue;
    }
    const [asStudio, asTitle, release, chart] = await Promise.all([
      service.deps.analysis.eventsByStudio(service.canonicalStudio(n.text), wide),
      service.deps.analysis.eventsByTitle(n.text, wide),
      service.deps.analysis.getRelease(titleKey(n.text)),
      service.deps.store.titleSeries(n.text),
    ]);
    if (asStudio.items.length) {
      if (!p.studios.includes(service.canonicalStudio(n.text))) p.studios.push(service.canonicalStudio(n.text));
      p.titles = p.titles.filter((t) => titleKey(t) !== titleKey(n.text));
    } else if (asTitle.items.length || release || chart.length) {
      if (!p.titles.some((t) => titleKey(t) === titleKey(n.text))) p.titles.push(release?.title ?? n.text);
    } else {
      // Not a studio or a title: a person, a festival, a company named inside events ("Sundance", "Odessa Lark", "Apple")?
      const named = await mentionsOf(service, n.text);
      if (named.length) mentions.push({ name: n.text, events: named });
      else absent.push(n);
      p.titles = p.titles.filter((t) => titleKey(t) !== titleKey(n.text));
    }
  }
  return { absent, sequelEvents, mentions };
}

/** Events of the last 12 weeks that name `name` as a person, inside a studio's name, or in their summary (whole words). */
async function mentionsOf(service: QueryService, name: string): Promise<Event[]> {
  const re = new RegExp(`(?<![\\w])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\w])`, 'i');
  const out: Event[] = [];
  let week = isoWeekOf(`${service.today()}T12:00:00Z`);
  for (let i = 0; i < 12; i++) {
    for (const e of await service.deps.analysis.eventsByWeek(week)) {
      if (e.people.some((x) => re.test(x)) || e.studios.some((x) => re.test(x)) || re.test(e.summary)) out.push(e);
    }
    week = isoWeekOfDate(addDays(isoWeekDates(week).monday, -7));
  }
  return out.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
}

/** Events that name something the workspace does not know as a studio or title (a person, a festival, a company). */
export async function mentionsAnswer(ctx: AnswerContext, found: Array<{ name: string; events: Event[] }>, maxNamed = 8): Promise<Answer> {
  const p = ctx.p;
  const typed = p.types.length ? found.map((f) => ({ ...f, events: f.events.filter((e) => p.types.includes(e.type)) })) : found;
  const events = [...new Map(typed.flatMap((f) => f.events).map((e) => [e.id, e])).values()];
  const names = listJoin(found.map((f) => f.name));
  const what = p.types.length ? [...new Set(p.types.map((t) => TYPE_LABEL[t][1]))].join(' or ') : 'Events';
  const understood = `${what.charAt(0).toUpperCase() + what.slice(1)} naming ${names} (not a studio or title in the workspace), last 12 weeks`;
  if (!events.length) return ctx.done(understood, [], `${understood}: none of that kind; ${count(found.reduce((s, f) => s + f.events.length, 0), 'other event')} name${found.length === 1 ? 's' : ''} ${names}.`);
  await ctx.load(events.slice(0, maxNamed));
  const lines = events.slice(0, maxNamed).map((e) => `${humanDate(e.publishedAt)}: ${summaryOf(e, 200)}${ctx.citeEvent(e.id, 2)}.`);
  if (events.length > maxNamed) lines.push(`${events.length - maxNamed} more in the events list.`);
  return ctx.done(understood, lines, `${understood}: ${count(events.length, 'event')}.`, events);
}

const SEQUEL_TYPES = new Set<EventType>(['greenlight', 'release_dated', 'release_moved', 'casting']);

/** Events about a sequel of a title: a numbered one by its exact title, otherwise titles that extend it or sequel news about it. */
async function findSequel(service: QueryService, n: NamedThing): Promise<Event[]> {
  const base = titleKey(n.base ?? '');
  const numbered = !/^a /.test(n.text);
  if (numbered) return (await service.deps.analysis.eventsByTitle(n.text, { limit: 20 })).items;
  const today = service.today();
  // When the base title came out: a subtitled title dated after it is its sequel ("Starbreaker: Ascendant"), one dated before is not.
  const baseRelease = await service.deps.analysis.getRelease(base);
  const firstChart = (await service.deps.store.titleSeries(n.base ?? '')).map((r) => r.start).filter((d): d is string => !!d).sort()[0];
  const baseDate = firstChart ?? baseRelease?.date ?? null;
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out = new Map<string, Event>();
  let week = isoWeekOf(`${today}T12:00:00Z`);
  for (let i = 0; i < 26; i++) {
    for (const e of await service.deps.analysis.eventsByWeek(week)) {
      if (!SEQUEL_TYPES.has(e.type)) continue;
      const keys = e.titles.map(titleKey);
      const numbered = keys.some((k) => new RegExp(`^${escaped} (?:[2-9]|ii|iii|iv|part \\w+)$`).test(k));
      const subtitled = keys.some((k) => k.startsWith(`${base} `)) && !!baseDate && !!e.releaseDate && e.releaseDate > baseDate;
      const says = keys.includes(base) && /\b(sequel|part two|prequel|spin-?off)\b/i.test(e.summary);
      if (numbered || subtitled || says) out.set(e.id, e);
    }
    week = isoWeekOfDate(addDays(isoWeekDates(week).monday, -7));
  }
  return [...out.values()];
}

/** "Nothing found about X": what was searched, and nothing else (never a neighbouring event). */
export async function nothingFound(ctx: AnswerContext, absent: NamedThing[]): Promise<Answer> {
  const names = listJoin(absent.map((a) => a.text));
  const understood = `A question about ${names}`;
  const lines: string[] = [];
  for (const a of absent) {
    if (a.kind === 'sequel') lines.push(`No event in the store${/^a /.test(a.text) ? ' (greenlights, datings, moves and castings of the last 26 weeks)' : ''} names ${a.text}; what the store has is about ${a.base} itself.`);
  }
  const plain = absent.filter((a) => a.kind === 'name');
  if (plain.length) lines.push(`No stored event, release-calendar entry or box-office chart line names ${listJoin(plain.map((a) => a.text))}.`);
  return ctx.done(understood, lines, `Nothing found about ${names} in the store.`);
}

/** Events about a sequel the store does hold ("is Universal making a Glimmerglass sequel?"). */
export async function sequelAnswer(ctx: AnswerContext, events: Event[], named: NamedThing): Promise<Answer> {
  await ctx.load(events);
  const sorted = [...events].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  const lines = sorted.slice(0, 6).map((e) => `${humanDate(e.publishedAt)}: ${summaryOf(e, 200)}${ctx.citeEvent(e.id, 2)}.`);
  const understood = `News about ${named.text}`;
  return ctx.done(understood, lines, `${understood}: ${count(events.length, 'event')} in the store.`);
}
