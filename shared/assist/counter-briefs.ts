// Use-case: a counter-programming brief for each collision with the slate — what happened (cited), the weekend, comparable
// openings, and 2–3 options marked as drafts for human review. The embedded template fills it from computed facts only.
import type { Collision } from '../analysis/release-calendar.js';
import { openings } from '../analysis/boxoffice-series.js';
import { canonicalGenres } from '../analysis/genres.js';
import type { CounterBrief } from '../model/counter-brief.js';
import type { Event } from '../model/event.js';
import type { Item } from '../model/item.js';
import type { Release } from '../model/release.js';
import type { Workspace } from '../model/workspace.js';
import type { EventStore, ReleaseStore } from '../ports/analysis-store.js';
import type { BriefStore } from '../ports/brief-store.js';
import type { BriefWriter } from '../ports/brief-writer.js';
import type { FlagStore } from '../ports/flag-store.js';
import type { ChartStore, ItemStore } from '../ports/store.js';
import { TitleGenres } from '../query/title-genres.js';
import type { InterestSummaryStore } from '../ports/interest-store.js';
import { briefInterestLines } from '../interest/brief-lines.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import { sha256Hex, titleKey } from '../util/text.js';
import { absoluteHttpUrl } from '../util/url.js';
import { addDays, weekendOf } from '../util/week.js';

export const BRIEF_TEMPLATE_VERSION = 'brief-template-1';
const DRAFT = ' (draft — needs human review)';


export interface BriefDeps {
  analysis: EventStore & ReleaseStore;
  store: ItemStore & ChartStore;
  briefs: BriefStore;
  flags?: FlagStore;
  /** When a model is configured; without it (or when it fails) the template's options stand. */
  writer?: BriefWriter;
  /** Interest summaries (trailer and page views against comps, forecasts), quoted in the brief when present. */
  interest?: Pick<InterestSummaryStore, 'getTitleInterest'>;
  log?: Logger;
}

export interface BriefReport {
  /** New briefs written this run. */
  drafted: number;
  /** Briefs that already existed for the same situation (kept, with any review). */
  existing: number;
  /** Collisions left without a brief because the event behind them is flagged as wrong and not reviewed yet. */
  skippedFlagged: number;
  briefIds: string[];
}

/** Brief id for a situation: the same slate title, competitor title and competitor date give the same id. */
export function briefId(c: Pick<Collision, 'slateTitle' | 'competitorTitle' | 'competitorDate'>): string {
  return `br_${sha256Hex(`${titleKey(c.slateTitle)}|${titleKey(c.competitorTitle)}|${c.competitorDate}`, 16)}`;
}

function money(n: number): string {
  return n >= 1e6 ? `$${(n / 1e6).toFixed(1)}M` : `$${Math.round(n / 1e3)}K`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function day(d: string): string {
  return `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}, ${d.slice(0, 4)}`;
}


const isWideCompetitor = (r: Release) => !r.isSlate && r.width !== 'streaming' && r.date !== null && r.date.length === 10;

/** Drafts (and stores) one brief per collision not already briefed; flagged events are left out until reviewed. */
export async function draftCounterBriefs(workspace: Workspace, deps: BriefDeps, collisions: Collision[], now: Date): Promise<BriefReport> {
  const report: BriefReport = { drafted: 0, existing: 0, skippedFlagged: 0, briefIds: [] };
  if (collisions.length === 0) return report;
  const flagged = new Set((await deps.flags?.listFlags())?.filter((f) => f.status === 'open').flatMap((f) => f.eventIds) ?? []);
  // Read the opening history only when a brief is actually drafted: a cycle that finds every brief
  // already written (each later run) costs a batched read of their keys, not ~60 chart reads.
  let history: Promise<Awaited<ReturnType<typeof openings>>> | null = null;
  const openingHistory = () => (history ??= openings(deps.store));
  const genres = new TitleGenres({ analysis: deps.analysis, store: deps.store });
  const sourceName = (id: string) => workspace.sources.find((s) => s.id === id)?.name ?? id;
  // The briefs already drafted (each later run finds them all): one batched read, not one per collision.
  const existing = await deps.briefs.existingIds(collisions.map(briefId));

  for (const c of collisions) {
    if (c.eventId && flagged.has(c.eventId)) {
      report.skippedFlagged++;
      continue;
    }
    const id = briefId(c);
    report.briefIds.push(id);
    if (existing.has(id)) {
      report.existing++;
      continue;
    }
    let brief = await buildBrief(c, id, { deps, flagged, history: await openingHistory(), genres, sourceName, now });
    if (deps.writer) brief = await rewrite(brief, deps.writer, deps.log ?? silentLogger);
    if (await deps.briefs.putBriefIfNew(brief)) report.drafted++;
    else report.existing++;
  }
  return report;
}

/**
 * The model's options replace the template's when they are usable: citations only to numbers the
 * brief has, every option marked as a draft. Any failure keeps the template (and is logged).
 */
export async function rewrite(brief: CounterBrief, writer: BriefWriter, log: Logger): Promise<CounterBrief> {
  try {
    const { options, tokens } = await writer.write(brief);
    const known = new Set(brief.citations.map((c) => c.n));
    const clean = options
      .slice(0, 3)
      .map((o) => ({
        key: o.key,
        title: o.title.trim().slice(0, 80),
        text: `${o.text.replace(/\s*\[(\d+)\]/g, (m, n: string) => (known.has(Number(n)) ? m : '')).replace(/\s*\(?draft[^)]*\)?\s*$/i, '').trim()}${DRAFT}`,
        draft: true as const,
      }))
      .filter((o) => o.title && o.text.length > DRAFT.length);
    if (clean.length < 2) throw new Error(`the model gave ${clean.length} usable options`);
    return { ...brief, options: clean, analyst: { kind: 'llm', version: writer.version }, tokens };
  } catch (err) {
    log.warn('brief writer failed, the template options stand', { brief: brief.id, error: String(err) });
    return brief;
  }
}

interface BuildContext {
  deps: BriefDeps;
  flagged: Set<string>;
  history: Awaited<ReturnType<typeof openings>>;
  genres: TitleGenres;
  sourceName: (id: string) => string;
  now: Date;
}

async function buildBrief(c: Collision, id: string, ctx: BuildContext): Promise<CounterBrief> {
  const { deps } = ctx;
  const citations: CounterBrief['citations'] = [];
  const byItem = new Map<string, number>();
  const cite = (items: Item[], max = 2): number[] =>
    items.slice(0, max).map((i) => {
      const known = byItem.get(i.id);
      if (known) return known;
      const n = citations.length + 1;
      citations.push({ n, itemId: i.id, title: i.title || '(untitled)', url: absoluteHttpUrl(i.url), source: ctx.sourceName(i.sourceId), publishedAt: i.publishedAt });
      byItem.set(i.id, n);
      return n;
    });
  const itemsOf = async (e: Event) => deps.store.getItems(e.itemIds);

  // What happened: the event that put the competitor on that date, then its latest marketing beats.
  const whatHappened: CounterBrief['whatHappened'] = [];
  const eventIds: string[] = [];
  const dating = c.eventId ? await deps.analysis.getEvent(c.eventId) : null;
  if (dating) {
    eventIds.push(dating.id);
    whatHappened.push({ text: `${dating.summary.replace(/\s*[.…]*$/, '')}.`, cites: cite(await itemsOf(dating)) });
  }
  const since = addDays(ctx.now.toISOString().slice(0, 10), -56);
  const recent = (await deps.analysis.eventsByTitle(c.competitorTitle, { from: since, limit: 20 })).items.filter(
    (e) => !ctx.flagged.has(e.id) && e.id !== dating?.id && ['trailer', 'campaign', 'release_moved', 'release_dated', 'casting'].includes(e.type),
  );
  const marketing = recent.filter((e) => e.type === 'trailer' || e.type === 'campaign');
  for (const e of recent.slice(0, 2)) {
    eventIds.push(e.id);
    whatHappened.push({ text: `${e.publishedAt ? `${day(e.publishedAt.slice(0, 10))}: ` : ''}${e.summary.replace(/\s*[.…]*$/, '')}.`, cites: cite(await itemsOf(e), 1) });
  }

  // The weekend, and the one either side (for the "shift" option).
  const friday = weekendOf(c.slateDate);
  const around = await deps.analysis.releasesBetween(addDays(friday, -10), addDays(friday, 10));
  const inWeekend = (r: Release, f: string) => r.date !== null && r.date.length === 10 && weekendOf(r.date) === f;
  const weekendTitles = around.filter((r) => inWeekend(r, friday));
  const competitorsOn = (f: string) => around.filter((r) => inWeekend(r, f) && isWideCompetitor(r));
  const before = addDays(friday, -7);
  const after = addDays(friday, 7);
  const [nNow, nBefore, nAfter] = [competitorsOn(friday).length, competitorsOn(before).length, competitorsOn(after).length];

  // Comparable openings: recent openings that share a genre with our title.
  const slateRelease = await deps.analysis.getRelease(titleKey(c.slateTitle));
  const ours = canonicalGenres(slateRelease?.genres ?? []);
  const comparables: CounterBrief['comparables'] = [];
  for (const o of [...ctx.history].sort((a, b) => b.start.localeCompare(a.start))) {
    if (comparables.length >= 3) break;
    const g = await ctx.genres.of(o.title);
    if (g.some((x) => ours.includes(x))) comparables.push({ title: o.title, distributor: o.distributor, start: o.start, gross: o.gross, theaters: o.theaters, genres: g });
  }

  const when = c.weekendsApart === 0 ? 'the same weekend as' : weekendOf(c.competitorDate) < friday ? 'one weekend before' : 'one weekend after';
  const headline = `${c.competitorTitle} (${c.distributor ?? 'distributor unknown'}) opens ${when} ${c.slateTitle} (${day(c.slateDate)})`;
  const compText = comparables.length
    ? `Recent ${ours.filter((g) => comparables.some((x) => x.genres.includes(g))).join('/')} openings: ${comparables.map((x) => `${x.title} ${money(x.gross)}${x.theaters ? ` from ${x.theaters.toLocaleString('en-US')} theaters` : ''} (${day(x.start)})`).join('; ')}.`
    : 'No opening in the stored charts shares a genre with our title.';
  const options: CounterBrief['options'] = [
    {
      key: 'hold',
      title: `Hold ${day(c.slateDate)}`,
      text: `Keep the date against ${c.competitorTitle}${c.genreOverlap.length ? `, which shares ${c.genreOverlap.join(' and ')} with us` : ''}; ${nNow} wide competitor title${nNow === 1 ? '' : 's'} that weekend. ${compText}${DRAFT}`,
      draft: true,
    },
  ];
  const lighter = [
    { f: before, n: nBefore },
    { f: after, n: nAfter },
  ].filter((x) => x.n < nNow);
  options.push(
    lighter.length
      ? {
          key: 'shift',
          title: `Shift to ${day(lighter.sort((a, b) => a.n - b.n)[0]!.f)}`,
          text: `A week ${lighter[0]!.f < friday ? 'earlier' : 'later'} has ${lighter[0]!.n} wide competitor title${lighter[0]!.n === 1 ? '' : 's'} against ${nNow} now (the calendar as stored; check exhibitor commitments and marketing dates first).${DRAFT}`,
          draft: true,
        }
      : {
          key: 'shift',
          title: 'Shifting a week does not help',
          text: `The weekends either side are no lighter (${nBefore} before, ${nAfter} after, against ${nNow} now).${DRAFT}`,
          draft: true,
        },
  );
  const lastBeat = marketing[0];
  options.push(
    lastBeat
      ? {
          key: 'trailer',
          title: 'Move the trailer and the spend',
          text: `${c.competitorTitle}'s latest ${lastBeat.type === 'trailer' ? 'trailer' : 'campaign beat'} landed ${lastBeat.publishedAt ? day(lastBeat.publishedAt.slice(0, 10)) : 'recently'}${(() => {
            const n = whatHappened.find((w) => w.text.includes(lastBeat.summary.replace(/\s*[.…]*$/, '')))?.cites[0];
            return n ? ` [${n}]` : '';
          })()}; schedule ours outside that week and weight spend to the days before their next beat.${DRAFT}`,
          draft: true,
        }
      : {
          key: 'spend',
          title: 'Front-load the spend',
          text: `No trailer or campaign of ${c.competitorTitle} is in the store yet: front-load awareness before theirs starts, and revisit when it does.${DRAFT}`,
          draft: true,
        },
  );

  return {
    id,
    kind: 'collision',
    slateTitle: c.slateTitle,
    slateDate: c.slateDate,
    competitorTitle: c.competitorTitle,
    competitorDate: c.competitorDate,
    distributor: c.distributor,
    weekendsApart: c.weekendsApart,
    genreOverlap: c.genreOverlap,
    headline,
    whatHappened,
    weekend: {
      start: friday,
      titles: weekendTitles.map((r) => ({ title: r.title, distributor: r.distributor, date: r.date, width: r.width, genres: r.genres, isSlate: r.isSlate })),
    },
    comparables,
    options,
    ...(deps.interest ? { interest: await briefInterestLines(deps.interest, c) } : {}),
    citations,
    eventIds,
    analyst: { kind: 'embedded', version: BRIEF_TEMPLATE_VERSION },
    tokens: 0,
    createdAt: ctx.now.toISOString(),
    status: 'draft',
    review: null,
  };
}
