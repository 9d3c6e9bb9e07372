// The weekly brief: statistics first, narrative second, every claim citing items (built section by section in shared/delivery/digest/brief/ and composed by shared/delivery/digest/build-brief.ts,
// archived by the digest store, rendered into the digest, read by the query side).
import type { EventType } from './event.js';
import type { Collision } from '../analysis/release-calendar.js';
import type { SentimentLeaders } from '../analysis/sentiment-series.js';
import type { InterestDigest } from '../interest/digest-section.js';

export interface Citation {
  n: number;
  itemId: string;
  title: string;
  /** Absolute http(s) URL, or null when the item has none. */
  url: string | null;
  source: string;
}

export interface NarrativeSentence {
  text: string;
  /** Citation numbers (see `Brief.citations`). */
  cites: number[];
}

export interface TypeCount {
  type: EventType;
  thisWeek: number;
  previousAverage: number;
}

export interface CoverageMover {
  kind: 'studio' | 'title';
  name: string;
  items: number;
  outlets: number;
  lastWeekItems: number;
  delta: number;
}

export interface Share {
  name: string;
  gross: number;
  /** Percent of the weekend total, one decimal. */
  share: number;
}

export interface BoxOfficeRow {
  rank: number | null;
  title: string;
  distributor: string | null;
  gross: number | null;
  /** Percent change against the previous weekend. */
  change: number | null;
  theaters: number | null;
  perTheater: number | null;
  totalGross: number | null;
}

export interface CompetitorMove {
  /** The event behind the line (its "flag as wrong" link names it). */
  eventId: string;
  type: EventType;
  summary: string;
  titles: string[];
  publishedAt: string | null;
  cites: number[];
}

export interface CalendarChange {
  eventId: string;
  title: string;
  distributor: string | null;
  date: string | null;
  previousDate: string | null;
  isSlate: boolean;
  cites: number[];
}

export interface BriefCollision extends Collision {
  cites: number[];
}

export interface Brief {
  workspace: string;
  week: string;
  monday: string;
  sunday: string;
  stats: {
    totalEvents: number;
    previousAverage: number;
    byType: TypeCount[];
    movers: CoverageMover[];
    distributorShare: Share[];
    genreShare: Share[];
  };
  narrative: NarrativeSentence[];
  competitorMoves: Array<{ studio: string; moves: CompetitorMove[] }>;
  calendarChanges: CalendarChange[];
  collisions: BriefCollision[];
  /** The latest weekend chart; `rowCount` is its full length (an archived copy keeps only its top rows). */
  boxOffice: { weekend: string | null; end: string | null; rows: BoxOfficeRow[]; totalGross: number; rowCount?: number };
  /** The top titles' weekend grosses over the last weekends (oldest first), for the chart. */
  boxOfficeSeries: { weekends: string[]; titles: Array<{ title: string; grosses: Array<number | null> }> };
  citations: Citation[];
  /** Tone of coverage: the competitor studios and titles with the most coverage over the last 4 weeks, with weekly sentiment series. */
  sentiment?: SentimentLeaders;
  /** Audience interest: our titles beside their competitors against comps, forecasts, scored forecasts. */
  interest?: InterestDigest;
}
