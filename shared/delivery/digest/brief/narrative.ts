// The brief's narrative: up to five templated sentences, one per fact, each kept only when it cites items.
import type { Event, EventType } from '../../../model/event.js';
import type { BoxOfficeRow, Brief, BriefCollision, CalendarChange, CoverageMover, NarrativeSentence, Share, TypeCount } from '../../../model/brief.js';
import type { StoredChart } from '../../../ports/store.js';
import { titleKey } from '../../../util/text.js';
import type { Citations } from './citations.js';
import { money } from './figures.js';

const PRIORITY: EventType[] = ['release_moved', 'release_dated', 'acquisition', 'greenlight', 'trailer', 'box_office', 'casting', 'campaign', 'executive', 'festival_awards', 'review', 'other'];
const TYPE_LABEL: Record<EventType, string> = {
  release_dated: 'release datings',
  release_moved: 'release moves',
  trailer: 'trailers and first looks',
  casting: 'casting',
  acquisition: 'acquisitions',
  greenlight: 'greenlights',
  box_office: 'box-office reports',
  festival_awards: 'festival and awards news',
  executive: 'executive moves',
  campaign: 'campaigns',
  review: 'reviews',
  other: 'other news',
};

/** What the narrative speaks of: the sections already computed. */
export interface NarrativeFacts {
  monday: string;
  events: Event[];
  lastWeek: Event[];
  byType: TypeCount[];
  previousAverage: number;
  competitorMoves: Brief['competitorMoves'];
  collisions: BriefCollision[];
  calendarChanges: CalendarChange[];
  studioMovers: CoverageMover[];
  titleMovers: CoverageMover[];
  latest: StoredChart | null;
  rows: BoxOfficeRow[];
  totalGross: number;
  distributorShare: Share[];
}

type Sentence = { text: string; cites: number[] } | null;

function volumeSentence(f: NarrativeFacts, cites: Citations): Sentence {
  const lead = f.byType[0];
  if (!lead || lead.thisWeek <= 0) return null;
  const dir = f.events.length >= f.previousAverage ? 'up from' : 'down from';
  return {
    text: `The week of ${f.monday} brought ${f.events.length} news events, ${dir} an average of ${f.previousAverage} over the previous four weeks, led by ${TYPE_LABEL[lead.type]} (${lead.thisWeek} vs ${lead.previousAverage} on average).`,
    cites: cites.cite(f.events.filter((e) => e.type === lead.type).flatMap((e) => e.itemIds), 2),
  };
}

function competitorSentence(f: NarrativeFacts): Sentence {
  const busiest = f.competitorMoves[0];
  if (!busiest) return null;
  // Lead with the move that matters most to a release plan, not simply the earliest.
  const m = [...busiest.moves].sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type))[0]!;
  return {
    text: `${busiest.studio} was the most active competitor with ${busiest.moves.length} move${busiest.moves.length === 1 ? '' : 's'}, including: ${m.summary.replace(/[.\s]+$/, '')}.`,
    cites: [...new Set([...m.cites, ...busiest.moves.flatMap((x) => x.cites)])].slice(0, 3),
  };
}

function calendarSentence(f: NarrativeFacts): Sentence {
  const collision = f.collisions.find((c) => c.cites.length);
  if (collision) {
    const when = collision.weekendsApart === 0 ? 'the same weekend as' : 'one weekend from';
    return {
      text: `On the calendar, ${collision.competitorTitle} (${collision.distributor ?? 'unknown distributor'}) is dated ${collision.competitorDate}, ${when} ${collision.slateTitle} on ${collision.slateDate}.`,
      cites: collision.cites,
    };
  }
  const change = f.calendarChanges.find((c) => c.cites.length);
  if (!change) return null;
  return { text: `On the calendar, ${change.title} moved from ${change.previousDate ?? 'undated'} to ${change.date ?? 'off the calendar'}.`, cites: change.cites };
}

function coverageSentence(f: NarrativeFacts, cites: Citations): Sentence {
  const mover = f.titleMovers.find((t) => t.delta > 0) ?? f.studioMovers.find((t) => t.delta > 0);
  if (!mover) return null;
  const evs = f.events.filter((e) => (mover.kind === 'title' ? e.titles : e.studios).includes(mover.name));
  return {
    text: `${mover.name} gained the most coverage: ${mover.items} items from ${mover.outlets} outlet${mover.outlets === 1 ? '' : 's'}, against ${mover.lastWeekItems} the week before.`,
    cites: cites.cite(evs.flatMap((e) => e.itemIds), 3),
  };
}

function boxOfficeSentence(f: NarrativeFacts, cites: Citations): Sentence {
  const leader = f.rows[0];
  if (!leader?.gross || !f.latest) return null;
  const share = f.distributorShare.find((s) => s.name === (leader.distributor ?? 'Unknown'));
  const boEvents = [...f.events, ...f.lastWeek].filter((e) => e.type === 'box_office' && e.titles.some((t) => titleKey(t) === titleKey(leader.title)));
  return {
    text: `${leader.title} led the weekend of ${f.latest.period.start} with ${money(leader.gross)}, and ${leader.distributor ?? 'its distributor'} took ${share?.share ?? 0}% of the top-${f.rows.length} total of ${money(f.totalGross)}.`,
    cites: cites.cite(boEvents.flatMap((e) => e.itemIds), 2),
  };
}

/**
 * The narrative in a fixed order (volume, busiest competitor, calendar, coverage, box office), a sentence kept only
 * when it cites items, at most five. Sentences are built in that order, so their citations are numbered in it.
 */
export function narrative(f: NarrativeFacts, cites: Citations): NarrativeSentence[] {
  const out: NarrativeSentence[] = [];
  const builders: Array<() => Sentence> = [
    () => volumeSentence(f, cites),
    () => competitorSentence(f),
    () => calendarSentence(f),
    () => coverageSentence(f, cites),
    () => boxOfficeSentence(f, cites),
  ];
  for (const build of builders) {
    const s = build();
    if (s && s.cites.length && out.length < 5) out.push(s);
  }
  return out;
}
