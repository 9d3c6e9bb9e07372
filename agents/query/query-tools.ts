// The LLM query agent's tools: the query service's store reads with zod inputs, results carrying reference ids the answer must cite.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { EVENT_TYPES, type Event } from '../../shared/model/event.js';
import type { Item } from '../../shared/model/item.js';
import type { QueryService } from '../../shared/query/query-service.js';
import type { Citation } from '../../shared/query/schemas.js';
import type { StoredChart } from '../../shared/ports/store.js';
import { dateChangesReported, changesOf } from '../../shared/query/release-changes.js';
import { openingsBetween, surprisesBetween, titleRun, chartOf } from '../../shared/query/box-office-facts.js';
import { titleKey } from '../../shared/util/text.js';
import { addDays } from '../../shared/util/week.js';

export const TOOL_NAMES = ['search_events', 'release_calendar', 'release_changes', 'box_office', 'title_run', 'openings', 'box_office_surprises', 'source_health', 'read_item'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** What the tools returned in one conversation: the only things an answer may cite. */
export class ReferenceBook {
  readonly refs = new Map<string, Omit<Citation, 'n'> & { text?: string }>();
  readonly events = new Map<string, Event>();
  private readonly byKey = new Map<string, string>();

  item(item: Item, service: QueryService): string {
    const known = this.byKey.get(item.id);
    if (known) return known;
    const ref = `i${this.byKey.size + 1}`;
    this.byKey.set(item.id, ref);
    this.refs.set(ref, { ...service.citationOf(item), text: item.text });
    return ref;
  }

  chart(c: Omit<Citation, 'n'>): string {
    const key = `${c.url ?? ''}|${c.title}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const ref = `c${this.byKey.size + 1}`;
    this.byKey.set(key, ref);
    this.refs.set(ref, c);
    return ref;
  }
}

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

/** Builds the tools over a service; each call checks `allowed` first, and errors go back to the model as text. */
export function queryTools(service: QueryService, book: ReferenceBook, allowed: Set<ToolName>, onCall: (name: ToolName, refused: boolean) => void) {
  const guard = <A,>(name: ToolName, fn: (args: A) => Promise<unknown>) => async (args: A) => {
    if (!allowed.has(name)) {
      onCall(name, true);
      return `error: the tool ${name} is not needed for this question and was not run. Answer from what you have.`;
    }
    onCall(name, false);
    try {
      return JSON.stringify(await fn(args));
    } catch (err) {
      return `error: ${(err as Error).message}`;
    }
  };

  const citeEvents = async (events: Event[]) => {
    const items = new Map((await service.deps.store.getItems([...new Set(events.flatMap((e) => e.itemIds))])).map((i) => [i.id, i]));
    return events.map((e) => {
      book.events.set(e.id, e);
      return {
        type: e.type,
        date: e.publishedAt?.slice(0, 10) ?? null,
        summary: e.summary,
        studios: e.studios,
        titles: e.titles,
        releaseDate: e.releaseDate,
        previousDate: e.previousDate,
        refs: e.itemIds.map((id) => items.get(id)).filter((i): i is Item => !!i).map((i) => book.item(i, service)),
      };
    });
  };

  return [
    tool(
      guard('search_events', async (a: { studio?: string; title?: string; type?: (typeof EVENT_TYPES)[number]; from?: string; to?: string; limit?: number }) => {
        const r = await service.events({ ...a, limit: a.limit ?? 20 });
        return { events: await citeEvents(r.events), more: r.cursor !== null };
      }),
      {
        name: 'search_events',
        description: 'Events (release dates set or moved, trailers, castings, deals, greenlights, box-office reports, ...) newest first, by studio and/or title and/or type in a date range.',
        schema: z.object({
          studio: z.string().optional().describe('Studio or distributor; aliases work'),
          title: z.string().optional().describe('Film or series title'),
          type: z.enum(EVENT_TYPES).optional(),
          from: DateText.optional().describe('Published on or after'),
          to: DateText.optional().describe('Published on or before'),
          limit: z.number().int().min(1).max(50).optional(),
        }),
      },
    ),
    tool(
      guard('release_calendar', async (a: { from?: string; to?: string }) => {
        const r = await service.releases(a.from, a.to);
        const eventIds = [...new Set(r.raw.map((x) => x.history.at(-1)?.eventId).filter((x): x is string => !!x))];
        const events = (await Promise.all(eventIds.map((id) => service.deps.analysis.getEvent(id)))).filter((e): e is Event => !!e);
        const cited = new Map((await citeEvents(events)).map((v, i) => [events[i]!.id, v.refs]));
        return {
          from: r.from,
          to: r.to,
          releases: r.raw.map((x) => ({ title: x.title, distributor: x.distributor, date: x.date, width: x.width, isOurSlate: x.isSlate, genres: x.genres, refs: cited.get(x.history.at(-1)?.eventId ?? '') ?? [] })),
          collisionsWithOurSlate: r.collisions,
        };
      }),
      {
        name: 'release_calendar',
        description: 'Dated releases between two dates, and competitor titles colliding (same weekend or one apart) with our slate.',
        schema: z.object({ from: DateText.optional().describe('Default today'), to: DateText.optional().describe('Default 12 weeks after from') }),
      },
    ),
    tool(
      guard('box_office', async (a: { period?: string; title?: string; genre?: string; weekends?: number }) => {
        const r = await service.boxOffice({ ...a, weekends: a.weekends ?? 4 } as never);
        const refs = r.citations.map((c) => book.chart(c));
        const { citations: _c, ...rest } = r;
        return { ...rest, refs };
      }),
      {
        name: 'box_office',
        description: "Weekend box office: the latest (or a given) weekend chart, one title's weekend run, or a genre's grosses over recent weekends. Give at most one of period, title, genre.",
        schema: z.object({
          period: z.string().optional().describe('"latest" or a weekend start date YYYY-MM-DD'),
          title: z.string().optional(),
          genre: z.string().optional().describe('e.g. horror, comedy, family'),
          weekends: z.number().int().min(1).max(26).optional(),
        }),
      },
    ),
    tool(
      guard('release_changes', async (a: { kind: 'moves' | 'datings'; from?: string; to?: string; studio?: string; title?: string }) => {
        const today = service.today();
        let changes;
        if (a.title) {
          const r = await service.deps.analysis.getRelease(titleKey(a.title));
          changes = r ? changesOf(r) : [];
        } else changes = (await dateChangesReported(service, a.from ?? addDays(today, -84), a.to ?? today)).changes;
        const kind = a.kind === 'moves' ? 'move' : 'dating';
        const studio = a.studio ? titleKey(service.canonicalStudio(a.studio)) : null;
        const list = changes.filter((c) => c.kind === kind && (!studio || (c.distributor && titleKey(service.canonicalStudio(c.distributor)) === studio)));
        const events = (await Promise.all([...new Set(list.map((c) => c.eventId))].map((id) => service.deps.analysis.getEvent(id)))).filter((e): e is Event => !!e);
        const refs = new Map((await citeEvents(events)).map((v, i) => [events[i]!.id, v.refs]));
        return {
          changes: list.map((c) => ({ title: c.title, distributor: c.distributor, ourSlate: c.isSlate, previousDate: c.previousDate, newDate: c.date, currentDate: c.currentDate, reportedAt: c.at.slice(0, 10), refs: refs.get(c.eventId) ?? [] })),
        };
      }),
      {
        name: 'release_changes',
        description: 'Release-date changes from the calendar history: moves (a dated title moved, old date → new date, or taken off the calendar) or datings (a title got its first date), reported in a window, by studio, or one title\'s whole history.',
        schema: z.object({
          kind: z.enum(['moves', 'datings']).describe('moves: old → new date; datings: first dates'),
          from: DateText.optional().describe('Reported on or after (default 12 weeks ago)'),
          to: DateText.optional().describe('Reported on or before (default today)'),
          studio: z.string().optional().describe('Distributor; aliases work'),
          title: z.string().optional().describe("One title's whole history (ignores from/to)"),
        }),
      },
    ),
    tool(
      guard('title_run', async (a: { title: string }) => {
        const known = (await service.charts('weekend', { limit: 8 })).flatMap((c) => c.entries.map((e) => e.title));
        const run = await titleRun(service, a.title, known);
        if (!run) return { title: a.title, onCharts: false };
        const cite = async (p: { site: string; start: string }, type: 'weekend' | 'daily') => {
          const chart = await chartOf(service, p, type);
          return chart ? book.chart(service.chartCitation(chart)) : null;
        };
        const point = async (p: (typeof run.weekends)[number], type: 'weekend' | 'daily') => ({
          start: p.start, end: p.end, rank: p.rank, gross: p.gross, change: p.change, theaters: p.theaters, perTheater: p.perTheater, totalGross: p.totalGross, weeks: p.weeks, ref: await cite(p, type),
        });
        return {
          title: run.title,
          distributor: run.distributor,
          openingOnCharts: !!run.opening || !!run.openingDay,
          weekends: await Promise.all(run.weekends.map((p) => point(p, 'weekend'))),
          latestDays: await Promise.all(run.days.map((p) => point(p, 'daily'))),
          openingVsComparables: run.comparison ? { perTheater: run.comparison.perTheater, comparableMedian: run.comparison.comparableMedian, comparables: run.comparison.comparables, ratio: run.comparison.ratio, surprise: run.comparison.exactRatio >= 2 ? 'above' : run.comparison.exactRatio <= 0.6 ? 'below' : 'none' } : null,
        };
      }),
      {
        name: 'title_run',
        description: "One title's box-office run from the stored charts: every weekend (gross, change, rank, theaters, per-theater, total, weeks), the latest daily figures, and its opening's per-theater average against comparable openings.",
        schema: z.object({ title: z.string().describe('Film title') }),
      },
    ),
    tool(
      guard('openings', async (a: { from?: string; to?: string }) => {
        const list = (await openingsBetween(service, a.from, a.to)).sort((x, y) => y.gross - x.gross);
        return { openings: list.map((o) => ({ title: o.title, distributor: o.distributor, weekend: o.start, gross: o.gross, theaters: o.theaters, perTheater: o.perTheater, rank: o.rank, ref: book.chart(service.chartCitation(o.chart as StoredChart)) })) };
      }),
      {
        name: 'openings',
        description: 'Opening weekends on the stored weekend charts whose weekend starts in a window, biggest first (for "biggest opening in November", "top openings").',
        schema: z.object({ from: DateText.optional().describe('Weekend starts on or after'), to: DateText.optional().describe('Weekend starts on or before') }),
      },
    ),
    tool(
      guard('box_office_surprises', async (a: { from?: string; to?: string }) => {
        const list = await surprisesBetween(service, a.from, a.to, a.from || a.to ? 26 : 4);
        return { surprises: list.map((s) => ({ title: s.title, distributor: s.distributor, weekend: s.start, gross: s.gross, theaters: s.theaters, perTheater: s.perTheater, comparableMedian: s.comparableMedian, comparables: s.comparables, ratio: s.ratio, direction: s.direction, ref: book.chart(service.chartCitation(s.chart)) })) };
      }),
      {
        name: 'box_office_surprises',
        description: 'Computed box-office surprises: openings whose per-theater average is 2× or more (above expectations) or 0.6× or less (below) the median of comparable openings, on the weekends starting in a window (default: the last four).',
        schema: z.object({ from: DateText.optional(), to: DateText.optional() }),
      },
    ),
    tool(guard('source_health', async () => ({ sources: await service.sources() })), {
      name: 'source_health',
      description: 'Crawl health of every source (ok, failing with reason, never run).',
      schema: z.object({}),
    }),
    tool(
      guard('read_item', async (a: { ref: string }) => {
        const r = book.refs.get(a.ref);
        if (!r) throw new Error(`unknown ref ${a.ref}: read_item only opens items another tool returned`);
        return { ref: a.ref, title: r.title, source: r.source, publishedAt: r.publishedAt, text: (r.text ?? '').slice(0, 3000) };
      }),
      {
        name: 'read_item',
        description: 'The text of one item a previous tool result referenced (by its ref, e.g. "i3").',
        schema: z.object({ ref: z.string().describe('A ref from an earlier tool result') }),
      },
    ),
  ];
}
