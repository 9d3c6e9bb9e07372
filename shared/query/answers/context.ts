// What every intent's answer shares: the question as read, the service, numbered citations of events and charts.
import type { Event } from '../../model/event.js';
import type { Item } from '../../model/item.js';
import type { StoredChart } from '../../ports/store.js';
import { addDays } from '../../util/week.js';
import type { ParsedQuestion } from '../question.js';
import { CitationList, type QueryService } from '../query-service.js';
import type { AskResponse, EventView } from '../schemas.js';
import { humanSpan } from './format.js';

/** An intent's answer: text, citations, the events it rests on, and what the reader understood. */
export type Answer = Pick<AskResponse, 'answer' | 'citations' | 'events'> & { understood: string };

export class AnswerContext {
  readonly cites = new CitationList();
  private readonly events = new Map<string, Event>();
  private readonly items = new Map<string, Item>();
  private readonly cited = new Set<string>();

  constructor(
    readonly service: QueryService,
    readonly p: ParsedQuestion,
    /** Titles the store knows (calendar, charts, slate). */
    readonly knownTitles: string[],
  ) {}

  get today(): string {
    return this.service.today();
  }

  /** The question's range for something that happened: up to today, or the last `days` days when it names none. */
  pastRange(days: number): { from: string; to: string } {
    const today = this.today;
    const r = this.p.range && this.p.range.from <= today ? this.p.range : { from: addDays(today, -days), to: today };
    return { from: r.from, to: r.to > today ? today : r.to };
  }

  /** Reads events (and their items) so that they can be cited. */
  async load(events: Array<Event | string>): Promise<void> {
    const ids = events.filter((e): e is string => typeof e === 'string' && !this.events.has(e));
    for (const e of events) if (typeof e !== 'string') this.events.set(e.id, e);
    const fetched = await Promise.all(ids.map((id) => this.service.deps.analysis.getEvent(id)));
    for (const e of fetched) if (e) this.events.set(e.id, e);
    const itemIds = [...new Set([...this.events.values()].flatMap((e) => e.itemIds))].filter((id) => !this.items.has(id));
    if (itemIds.length) for (const i of await this.service.deps.store.getItems(itemIds)) this.items.set(i.id, i);
  }

  event(id: string): Event | undefined {
    return this.events.get(id);
  }

  /** " [n]" marks citing the first `max` items of an event (loaded with `load`). */
  citeEvent(eventId: string | null | undefined, max = 1): string {
    const e = eventId ? this.events.get(eventId) : undefined;
    if (!e) return '';
    const ns = e.itemIds
      .map((id) => this.items.get(id))
      .filter((i): i is Item => !!i)
      .slice(0, max)
      .map((i) => this.cites.add(this.service.citationOf(i)));
    if (ns.length) this.cited.add(e.id);
    return ns.length ? ' ' + ns.map((n) => `[${n}]`).join('') : '';
  }

  /** " [n]" citing a chart, dated by its period. */
  citeChart(chart: Pick<StoredChart, 'sourceId' | 'period'> | null | undefined): string {
    return chart ? ` [${this.cites.add(this.service.chartCitation(chart))}]` : '';
  }

  /** Views of the events the answer cited. */
  async citedEvents(): Promise<EventView[]> {
    const events = [...this.cited].map((id) => this.events.get(id)!).filter(Boolean);
    return (await this.service.viewEvents(events)).views;
  }

  /**
   * Builds the answer: a first line that says what was understood, then the facts. `events` lists every event the
   * answer counted (the page's events list), cited or not; by default the cited ones.
   */
  async done(understood: string, lines: string[], headline?: string, events?: Event[]): Promise<Answer> {
    const first = headline ?? `${understood}.`;
    const views = events ? (await this.service.viewEvents(events.slice(0, 100))).views : await this.citedEvents();
    return { answer: [first, ...lines].join('\n'), citations: this.cites.list, events: views, understood };
  }
}

/** "Nov 1–26, 2026". */
export function spanOf(r: { from: string; to: string }): string {
  return humanSpan(r.from, r.to);
}
