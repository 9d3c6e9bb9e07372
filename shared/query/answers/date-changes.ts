// Release-date moves (old → new) and datings, from the calendar's history, each citing the report of the change.
import type { Release } from '../../model/release.js';
import { titleKey } from '../../util/text.js';
import { addDays, weekendsApart } from '../../util/week.js';
import { changesOf, dateBounds, dateChangesReported, type DateChange } from '../release-changes.js';
import { AnswerContext, spanOf, type Answer } from './context.js';
import { count, humanDate, listJoin } from './format.js';

function changeText(c: DateChange): string {
  if (c.kind === 'dating') return `dated ${humanDate(c.date)}`;
  return `${humanDate(c.previousDate)} → ${c.date ? humanDate(c.date) : 'off the calendar'}`;
}

function line(ctx: AnswerContext, c: DateChange, note = ''): string {
  const who = c.isSlate ? 'yours' : c.distributor ?? 'distributor unknown';
  const now = c.currentDate !== c.date ? `; now ${c.currentDate ? humanDate(c.currentDate) : 'undated'}` : '';
  return `${c.title} (${who}): ${changeText(c)}${note} — reported ${humanDate(c.at)}${now}${ctx.citeEvent(c.eventId)}.`;
}

/** Whether a (partial) date lies inside [from, to]: "2027" is not inside March 2027, "2027-03" is. */
function within(d: string | null, r: { from: string; to: string }): boolean {
  if (!d) return false;
  const b = dateBounds(d);
  return b.first >= r.from && b.last <= r.to;
}

/** One title's history: every recorded date and change, no time window. */
async function titleHistories(ctx: AnswerContext, kind: 'move' | 'dating'): Promise<Answer | null> {
  const { service, p } = ctx;
  const releases = (await Promise.all(p.titles.map((t) => service.deps.analysis.getRelease(titleKey(t))))).filter((r): r is Release => !!r);
  if (!releases.length) return null;
  const changes = releases.flatMap(changesOf);
  await ctx.load(changes.map((c) => c.eventId));
  const lines: string[] = [];
  for (const r of releases) {
    const own = changes.filter((c) => c.title === r.title);
    const moves = own.filter((c) => c.kind === 'move');
    const now = r.date ? `dated ${humanDate(r.date)}${r.width ? ` (${r.width})` : ''}` : 'not dated now';
    if (!own.length) {
      lines.push(`${r.title} (${r.isSlate ? 'yours' : r.distributor ?? 'distributor unknown'}): ${now}; the calendar records no change of its date.`);
      continue;
    }
    const verdict = moves.length ? `moved ${count(moves.length, 'time')}` : 'never moved';
    lines.push(`${r.title} (${r.isSlate ? 'yours' : r.distributor ?? 'distributor unknown'}): ${now}, ${verdict}.`);
    for (const c of own) lines.push(`- ${changeText(c)} — reported ${humanDate(c.at)}${ctx.citeEvent(c.eventId)}.`);
  }
  const what = kind === 'move' ? 'Release-date history' : 'Release dates';
  return ctx.done(`${what} of ${listJoin(releases.map((r) => r.title))}, every recorded change`, lines);
}

/** Moves (`kind` move) or datings over a window, by studio, onto the slate's weekends, or by old/new date. */
export async function dateChangesAnswer(ctx: AnswerContext, kind: 'move' | 'dating'): Promise<Answer> {
  const { service, p } = ctx;
  if (p.titles.length) {
    const history = await titleHistories(ctx, kind);
    if (history) return history;
  }
  const today = ctx.today;
  // The range is when the change was reported, unless the question puts it on the old date ("off December") or the new one.
  const reported = p.dateField === 'reported' ? ctx.pastRange(84) : { from: addDays(today, -180), to: today };
  const { changes } = await dateChangesReported(service, reported.from, reported.to);
  const own = service.workspace.studio ? titleKey(service.workspace.studio) : null;
  // Competitors' changes unless the question is about the team's own titles ("did we move anything").
  const slateOnly = (own !== null && p.studios.some((s) => titleKey(s) === own)) || (!p.ontoSlate && p.studios.length === 0 && /\b(did|have|has) we\b|\bour (titles?|films?|movies?|slate|releases?|dates?)\b/i.test(p.text));
  const studios = p.studios.filter((s) => titleKey(s) !== own).map(titleKey);
  let list = changes.filter((c) => c.kind === kind && (slateOnly ? c.isSlate : !c.isSlate));
  if (studios.length) {
    list = list.filter((c) => {
      const e = ctx.event(c.eventId);
      return (c.distributor && studios.includes(titleKey(service.canonicalStudio(c.distributor)))) || (!c.distributor && e?.studios.some((s) => studios.includes(titleKey(service.canonicalStudio(s)))));
    });
  }
  if (p.dateField === 'old' && p.range) list = list.filter((c) => within(c.previousDate, p.range!) && !within(c.date, p.range!));
  if (p.dateField === 'new' && p.range) list = list.filter((c) => within(c.date, p.range!) && !within(c.previousDate, p.range!));
  if (p.genre) list = list.filter((c) => c.genres.includes(p.genre!));
  const notes = new Map<DateChange, string>();
  let streamingLeftOut = 0;
  if (p.ontoSlate) {
    const slate = (await service.deps.analysis.slateReleases()).filter((r) => r.date && r.date.length === 10);
    // Theatrical competition only, as for collisions: a streaming or digital date does not take a weekend.
    streamingLeftOut = list.filter((c) => c.width === 'streaming').length;
    list = list.filter((c) => c.width !== 'streaming');
    list = list.filter((c) => {
      if (!c.date || c.date.length !== 10) return false;
      const near = slate.map((s) => ({ s, apart: weekendsApart(s.date!, c.date!) })).filter((x) => x.apart <= 1).sort((a, b) => a.apart - b.apart)[0];
      if (near) notes.set(c, `, ${near.apart === 0 ? 'the same weekend as' : 'one weekend from'} your ${near.s.title} (${humanDate(near.s.date)})`);
      return !!near;
    });
  }
  await ctx.load(list.map((c) => c.eventId));

  const noun = kind === 'move' ? 'Release-date moves' : 'New release dates';
  const scope = [
    noun,
    studios.length ? `by ${listJoin(p.studios.filter((s) => titleKey(s) !== own))}` : '',
    p.genre ? `of ${p.genre} titles` : '',
    p.dateField === 'old' && p.range ? `off ${spanOf(p.range)}` : p.dateField === 'new' && p.range ? `onto ${spanOf(p.range)}` : '',
    p.ontoSlate ? 'onto or next to your weekends' : '',
    `reported ${spanOf(reported)}`,
    slateOnly ? 'your slate only' : 'competitors only',
  ].filter(Boolean);
  const understood = scope.join(', ').replace(/, (by|of|off|onto|reported)/g, ' $1');
  if (!list.length) {
    const other = changes.filter((c) => c.kind !== kind && !c.isSlate).length;
    const hint = other ? ` (${count(other, kind === 'move' ? 'first dating' : 'move')} of competitor titles ${other === 1 ? 'was' : 'were'} reported in that window.)` : '';
    return ctx.done(understood, [], `${understood}: none recorded in the calendar.${hint}`);
  }
  const titles = new Set(list.map((c) => c.title));
  const lines = list.map((c) => line(ctx, c, notes.get(c) ?? ''));
  if (titles.size > 2 && !studios.length && !slateOnly) {
    const by = new Map<string, Set<string>>();
    for (const c of list) {
      const d = c.distributor ? service.canonicalStudio(c.distributor) : 'distributor unknown';
      by.set(d, (by.get(d) ?? new Set()).add(c.title));
    }
    lines.push(`By distributor: ${[...by.entries()].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0])).map(([d, t]) => `${d} ${t.size}`).join(', ')}.`);
  }
  if (streamingLeftOut) lines.push(`Not counted: ${count(streamingLeftOut, 'streaming or digital date')}.`);
  const others = kind === 'move' ? changes.filter((c) => c.kind === 'dating' && !c.isSlate).length : 0;
  if (others && !p.ontoSlate && !studios.length) lines.push(`Not counted as moves: ${count(others, 'first dating')} in the same window.`);
  return ctx.done(understood, lines, `${understood}: ${count(titles.size, 'title')}.`);
}
