// Calendar answers: when titles open (with their date history), a studio's or genre's upcoming releases, and what
// opens around a title or a date — the same weekend and one weekend either side — ours and theirs.
import { findCollisions, COLLISION_HORIZON_WEEKS } from '../../analysis/release-calendar.js';
import type { Release } from '../../model/release.js';
import { titleKey } from '../../util/text.js';
import { addDays, weekendOf, weekendsApart } from '../../util/week.js';
import { changesOf } from '../release-changes.js';
import { AnswerContext, spanOf, type Answer } from './context.js';
import { count, humanDate, humanSpan, listJoin } from './format.js';

function owner(r: Release): string {
  return r.isSlate ? 'yours' : r.distributor ?? 'distributor unknown';
}

function describe(ctx: AnswerContext, r: Release, anchorGenres: string[] = []): string {
  const shared = anchorGenres.length ? r.genres.filter((g) => anchorGenres.includes(g)) : [];
  const bits = [owner(r), humanDate(r.date), r.width, shared.length ? `shared genres: ${shared.join(', ')}` : r.genres.length ? r.genres.join('/') : null].filter(Boolean);
  return `${r.title} (${bits.join(', ')})${ctx.citeEvent(r.history.at(-1)?.eventId)}`;
}

async function loadCitations(ctx: AnswerContext, releases: Release[]): Promise<void> {
  await ctx.load([...new Set(releases.map((r) => r.history.at(-1)?.eventId).filter((x): x is string => !!x))]);
}

/** Releases on the weekend of `date` and one weekend either side, split ours / theirs and theatrical / streaming. */
async function aroundDate(ctx: AnswerContext, date: string, anchor: Release | null): Promise<string[]> {
  const weekend = weekendOf(date);
  const wide = await ctx.service.deps.analysis.releasesBetween(addDays(weekend, -11), addDays(weekend, 11));
  const others = wide.filter((r) => r.date && r.date.length === 10 && (!anchor || r.titleKey !== anchor.titleKey));
  await loadCitations(ctx, [...others, ...(anchor ? [anchor] : [])]);
  const genres = anchor?.genres ?? [];
  const same = others.filter((r) => weekendsApart(r.date!, date) === 0);
  const near = others.filter((r) => weekendsApart(r.date!, date) === 1);
  const theatrical = (list: Release[]) => list.filter((r) => r.width !== 'streaming');
  const streaming = (list: Release[]) => list.filter((r) => r.width === 'streaming');
  const lines: string[] = [];
  const span = humanSpan(weekend, addDays(weekend, 2));
  const t = theatrical(same);
  lines.push(t.length ? `Same weekend (${span}): ${t.map((r) => describe(ctx, r, genres)).join('; ')}.` : `Same weekend (${span}): no ${anchor ? 'other ' : ''}theatrical release is dated.`);
  if (streaming(same).length) lines.push(`Streaming or digital that week: ${streaming(same).map((r) => describe(ctx, r)).join('; ')}.`);
  const n = theatrical(near);
  if (n.length) lines.push(`One weekend either side: ${n.map((r) => describe(ctx, r, genres)).join('; ')}.`);
  if (!anchor) {
    // Around a date: say which of the slate's titles there meet a competitor within a weekend.
    const slate = wide.filter((r) => r.isSlate && r.date && weekendsApart(r.date, date) <= 1);
    const collisions = findCollisions(wide, slate).filter((c) => weekendsApart(c.competitorDate, date) <= 1);
    if (collisions.length) {
      await ctx.load(collisions.map((c) => c.eventId).filter((x): x is string => !!x));
      lines.push(`Collisions with your slate: ${collisions.map((c) => `${c.slateTitle} (${humanDate(c.slateDate)}) vs ${c.competitorTitle} (${c.distributor ?? 'distributor unknown'}, ${humanDate(c.competitorDate)}, ${c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart'}${c.genreOverlap.length ? `, shared genres: ${c.genreOverlap.join(', ')}` : ''})${ctx.citeEvent(c.eventId)}`).join('; ')}.`);
    }
  }
  return lines;
}

/** "who opens the same weekend as X", "competition for our March title", "what opens Christmas weekend". */
export async function sameWeekendAnswer(ctx: AnswerContext): Promise<Answer> {
  const { service, p } = ctx;
  const lines: string[] = [];
  if (p.titles.length) {
    const anchors: string[] = [];
    for (const title of p.titles.slice(0, 3)) {
      const r = await service.deps.analysis.getRelease(titleKey(title));
      if (!r?.date || r.date.length !== 10) {
        lines.push(`${r?.title ?? title} has ${r?.date ? `only a partial date (${humanDate(r.date)})` : 'no date'} on the calendar, so it has no weekend yet.`);
        continue;
      }
      await loadCitations(ctx, [r]);
      anchors.push(`${r.title} (${owner(r)}, ${humanDate(r.date)})${ctx.citeEvent(r.history.at(-1)?.eventId)}`);
      if (p.titles.length > 1) lines.push(`${r.title}:`);
      lines.push(...(await aroundDate(ctx, r.date, r)));
    }
    const understood = `What opens around ${listJoin(p.titles)}: the same weekend and one weekend either side, from the release calendar`;
    return ctx.done(understood, lines, anchors.length ? `Around ${listJoin(anchors)} — same weekend and one weekend either side:` : undefined);
  }
  const date = p.weekend ?? p.day ?? (p.range && p.range.from === p.range.to ? p.range.from : null);
  if (date) {
    lines.push(...(await aroundDate(ctx, date, null)));
    return ctx.done(`Releases around the weekend of ${humanDate(weekendOf(date))}: the same weekend and one weekend either side`, lines);
  }
  // No anchor: the slate's collisions.
  return collisionsAnswer(ctx);
}

/** Competitor titles within a weekend of the slate, over the collision horizon (or the range asked). */
export async function collisionsAnswer(ctx: AnswerContext): Promise<Answer> {
  const { service, p } = ctx;
  const today = ctx.today;
  const range = p.range && p.range.to > today ? { from: p.range.from < today ? today : p.range.from, to: p.range.to } : { from: today, to: addDays(today, COLLISION_HORIZON_WEEKS * 7) };
  const slate = (await service.deps.analysis.slateReleases()).filter((r) => r.date && r.date >= range.from && r.date <= range.to);
  const calendar = await service.deps.analysis.releasesBetween(addDays(range.from, -10), addDays(range.to, 10));
  let collisions = findCollisions(calendar, slate);
  if (p.sameWeekendOnly) collisions = collisions.filter((c) => c.weekendsApart === 0);
  await ctx.load(collisions.map((c) => c.eventId).filter((x): x is string => !!x));
  const understood = `Collisions with your slate${p.sameWeekendOnly ? ' (same weekend only)' : ' (same weekend or one apart)'}, your titles dated ${spanOf(range)}`;
  if (!collisions.length) return ctx.done(understood, [], `${understood}: none.`);
  const lines = collisions.map(
    (c) =>
      `${c.slateTitle} (${humanDate(c.slateDate)}) vs ${c.competitorTitle} (${c.distributor ?? 'distributor unknown'}, ${humanDate(c.competitorDate)}, ${c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart'}${c.genreOverlap.length ? `, shared genres: ${c.genreOverlap.join(', ')}` : ''})${ctx.citeEvent(c.eventId)}.`,
  );
  const titles = new Set(collisions.map((c) => c.slateTitle));
  return ctx.done(understood, lines, `${understood}: ${count(titles.size, 'title')} of yours, ${count(collisions.length, 'collision')}.`);
}

/** When titles open (with their history); a studio's or a genre's releases; the calendar for a window. */
export async function calendarAnswer(ctx: AnswerContext): Promise<Answer> {
  const { service, p } = ctx;
  const today = ctx.today;
  if (p.titles.length) {
    const lines: string[] = [];
    const found: Release[] = [];
    for (const title of p.titles.slice(0, 4)) {
      const r = await service.deps.analysis.getRelease(titleKey(title));
      if (!r) {
        lines.push(`${title} is not on the release calendar.`);
        continue;
      }
      found.push(r);
    }
    await ctx.load(found.flatMap((r) => r.history.map((h) => h.eventId)));
    for (const r of found) {
      const changes = changesOf(r);
      const moves = changes.filter((c) => c.kind === 'move');
      const date = r.date ? `${humanDate(r.date)}${r.width ? `, ${r.width}` : ''}` : 'no date now';
      lines.push(`${r.title} (${owner(r)}): ${date}${ctx.citeEvent(r.history.at(-1)?.eventId)}.`);
      if (moves.length) lines.push(`Moved ${count(moves.length, 'time')}: ${moves.map((m) => `${humanDate(m.previousDate)} → ${m.date ? humanDate(m.date) : 'off the calendar'} (reported ${humanDate(m.at)})${ctx.citeEvent(m.eventId)}`).join('; ')}.`);
      if (r.date && r.date.length === 10 && r.date >= today) {
        const around = await service.deps.analysis.releasesBetween(addDays(weekendOf(r.date), -4), addDays(weekendOf(r.date), 3));
        const same = around.filter((x) => x.titleKey !== r.titleKey && x.date && x.date.length === 10 && weekendsApart(x.date, r.date!) === 0 && x.width !== 'streaming');
        if (same.length) lines.push(`Same weekend: ${same.map((x) => `${x.title} (${owner(x)})`).join(', ')}.`);
      }
    }
    return ctx.done(`Release dates of ${listJoin(p.titles)}, from the release calendar`, lines);
  }
  if (p.weekend || p.day) return sameWeekendAnswer(ctx);
  // A studio's or genre's releases, or the calendar for a window (default: the next 12 weeks; a studio's: two years).
  const studios = p.studios.filter((s) => !service.workspace.studio || titleKey(s) !== titleKey(service.workspace.studio));
  const ownStudio = p.studios.length > studios.length || (p.aboutSlate && !studios.length && !p.genre && /\b(our|we)\b.*\b(slate|titles?|films?|movies?|releases?)\b/i.test(p.text));
  const range = p.range ?? { from: today, to: addDays(today, studios.length || ownStudio ? 730 : 84) };
  const from = range.from < today && !p.range ? today : range.from;
  let releases = (await service.deps.analysis.releasesBetween(from, range.to)).filter((r) => r.date);
  if (studios.length) {
    const keys = new Set(studios.map(titleKey));
    releases = releases.filter((r) => r.distributor && keys.has(titleKey(service.canonicalStudio(r.distributor))));
  } else if (ownStudio) releases = releases.filter((r) => r.isSlate);
  const competitorsOnly = !studios.length && !ownStudio && /\b(competitors?'?|competition|theirs|rivals?)\b/i.test(p.text);
  if (competitorsOnly) releases = releases.filter((r) => !r.isSlate);
  if (p.genre) {
    const keep: Release[] = [];
    for (const r of releases) if ((r.genres.length ? r.genres : await service.genres.of(r.title)).includes(p.genre)) keep.push(r);
    releases = keep;
  }
  const who = studios.length ? `${listJoin(studios)} releases` : ownStudio ? 'Your releases' : competitorsOnly ? 'Competitor releases' : p.genre ? `${p.genre[0]!.toUpperCase()}${p.genre.slice(1)} releases` : 'Releases';
  const understood = `${who}${studios.length && p.genre ? ` (${p.genre})` : ''} dated ${spanOf({ from, to: range.to })}, from the release calendar`;
  if (!releases.length) return ctx.done(understood, [], `${understood}: none dated.`);
  await loadCitations(ctx, releases);
  const lines = releases.slice(0, 15).map((r) => {
    const moved = changesOf(r).filter((c) => c.kind === 'move').at(-1);
    return `${describe(ctx, r)}${moved ? ` — moved from ${humanDate(moved.previousDate)}` : ''}.`;
  });
  if (releases.length > 15) lines.push(`${releases.length - 15} more on GET /v1/releases.`);
  if (!studios.length && !ownStudio && !p.genre) {
    const collisions = findCollisions(await service.deps.analysis.releasesBetween(addDays(from, -10), addDays(range.to, 10)), releases.filter((r) => r.isSlate));
    if (collisions.length) {
      await ctx.load(collisions.map((c) => c.eventId).filter((x): x is string => !!x));
      lines.push(`Collisions with your slate: ${collisions.map((c) => `${c.slateTitle} (${humanDate(c.slateDate)}) vs ${c.competitorTitle} (${c.distributor ?? 'distributor unknown'}, ${humanDate(c.competitorDate)}, ${c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart'})${ctx.citeEvent(c.eventId)}`).join('; ')}.`);
    }
  }
  return ctx.done(understood, lines, `${understood}: ${count(releases.length, 'title')}.`);
}
