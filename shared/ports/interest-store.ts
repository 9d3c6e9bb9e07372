// Interest store ports: what the crawl records (video counts, daily page views), what the analysis reads and links,
// and the opening forecasts with their scores (kept for the audit).
import type {
  ArticleRecord,
  TitleInterest,
  ChannelInfo,
  ForecastScore,
  OpeningForecast,
  PageviewPoint,
  VideoLink,
  VideoRecord,
  VideoStat,
  ViewObservation,
} from '../model/interest.js';

/** What a crawl of an interest source writes (idempotent: a retried crawl rewrites the same rows). */
export interface InterestWriter {
  /** Stores each video (first seen kept) and one observation of its counts at `observedAt`. */
  recordVideos(input: { sourceId: string; studio: string | null; channel: ChannelInfo; videos: VideoStat[]; observedAt: string }): Promise<{ videos: number; observations: number }>;
  /** Upserts an article's daily page views (a day read again keeps its latest count). */
  recordPageviews(input: { sourceId: string; title: string; project: string; article: string; url: string; points: PageviewPoint[] }): Promise<{ days: number }>;
}

/** What the interest analysis reads (a title's videos and articles by the title index, never a scan). */
export interface InterestReader {
  /** Videos published since `since` (ISO instant), newest first. */
  recentVideos(since: string): Promise<VideoRecord[]>;
  /** The links of these videos, by video id (unlinked videos are absent). */
  videoLinks(videoIds: string[]): Promise<Map<string, VideoLink>>;
  putVideoLinks(links: VideoLink[]): Promise<void>;
  /** A title's linked videos, oldest first. */
  titleVideos(titleKey: string): Promise<VideoLink[]>;
  /** A video and its observations, oldest first. */
  videoHistory(videoId: string): Promise<{ record: VideoRecord | null; observations: ViewObservation[] }>;
  titleArticles(titleKey: string): Promise<ArticleRecord[]>;
  /** An article's daily page views, oldest first. */
  pageviews(project: string, article: string): Promise<PageviewPoint[]>;
}

/** Opening forecasts: one per title and day made (the history stays), and the score once the title has opened. */
export interface ForecastStore {
  putForecast(forecast: OpeningForecast): Promise<void>;
  /** A title's forecasts, oldest first. */
  forecastsFor(titleKey: string): Promise<OpeningForecast[]>;
  /** The latest forecast of every title dated on or after `fromDate`. */
  currentForecasts(fromDate: string): Promise<OpeningForecast[]>;
  /** Stores a score unless the title was scored already (a conditional write: the first score stands). */
  putScoreIfNew(score: ForecastScore): Promise<boolean>;
  getScore(titleKey: string): Promise<ForecastScore | null>;
  /** Every score, newest opening first. */
  scores(): Promise<ForecastScore[]>;
}

/** The per-title interest summaries the last cycle computed (what the overview, the digest and the alerts read). */
export interface InterestSummaryStore {
  putTitleInterests(list: TitleInterest[]): Promise<void>;
  titleInterests(): Promise<TitleInterest[]>;
  getTitleInterest(titleKey: string): Promise<TitleInterest | null>;
}

export type InterestStore = InterestWriter & InterestReader & ForecastStore & InterestSummaryStore;
