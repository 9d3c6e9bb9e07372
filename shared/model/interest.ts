// Audience interest: trailer view counts per video (YouTube channel feeds), daily page views per article (Wikimedia),
// the interest signals computed from them against comparable titles, and opening-weekend forecasts with their scores.
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const VIDEO_KINDS = ['teaser', 'trailer', 'final_trailer', 'clip', 'spot', 'other'] as const;
export const VideoKind = z.enum(VIDEO_KINDS).describe('What a video is for its title: teaser, trailer, final trailer, clip, spot, or other (featurette, interview…)');
export type VideoKind = z.infer<typeof VideoKind>;

/** Hours since a video's publication at which its views are compared (24 h, 72 h, 7 days). */
export const MILESTONES = [
  { key: 'h24', hours: 24, label: 'day 1' },
  { key: 'h72', hours: 72, label: 'day 3' },
  { key: 'd7', hours: 168, label: 'day 7' },
] as const;
export type MilestoneKey = (typeof MILESTONES)[number]['key'];

/** One entry of a channel feed as the YouTube parser reads it (statistics as of the response). */
export interface VideoStat {
  videoId: string;
  channelId: string | null;
  title: string;
  description: string;
  /** Canonical watch URL from the entry's alternate link (absolute http(s), or null). */
  url: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  /** media:statistics@views (null when absent: a premiere or a live stream not started). */
  views: number | null;
  /** media:starRating@count: the public like count the feed exposes. */
  likes: number | null;
}

export interface ChannelInfo {
  channelId: string | null;
  title: string;
  url: string | null;
}

export interface PageviewPoint {
  date: string;
  views: number;
}

export interface PageviewSeriesInfo {
  project: string;
  article: string;
  access: string;
  agent: string;
}

/** A video as stored: the feed entry without its counts, bound to the source (channel) it came from. */
export interface VideoRecord {
  videoId: string;
  channelId: string | null;
  channelTitle: string;
  sourceId: string;
  studio: string | null;
  title: string;
  description: string;
  url: string | null;
  publishedAt: string | null;
  /** When a feed last listed it. */
  seenAt: string;
}

/** One snapshot of a video's counts. */
export interface ViewObservation {
  videoId: string;
  at: string;
  views: number;
  likes: number | null;
}

/** Which title a video is about and what kind of video it is (null title: about no title we know). */
export interface VideoLink {
  videoId: string;
  titleKey: string | null;
  title: string | null;
  kind: VideoKind;
  /** Hash of the known-title vocabulary the link was made with: an unlinked video is read again when it changes. */
  vocabulary: string;
  linkedAt: string;
  /** When the video was published (copied from the record, for ordering a title's videos). */
  publishedAt: string | null;
}

/** A Wikipedia article tracked for a title. */
export interface ArticleRecord {
  project: string;
  article: string;
  title: string;
  titleKey: string;
  sourceId: string;
  /** The API URL it was last read from (cited in answers). */
  url: string;
}

// ---- computed views (API, digest, briefs, alerts) ------------------------------------------

export const InterestMetric = z.enum(['trailer_views', 'page_views']);

export const SignalComp = z.object({
  title: z.string(),
  value: z.number().describe('The comparable title’s value of the same metric at the same point'),
});

/** One interest figure against comparable titles: "their trailer is at 2.1× comps at day 3". */
export const InterestSignal = z.object({
  metric: InterestMetric,
  /** trailer_views: which video and at which milestone; page_views: the 7 days compared. */
  label: z.string().describe('What is compared, in words: "Official Trailer at day 3" or "page views a day, week to Dec 4, 15 days before release"'),
  videoTitle: z.string().nullable(),
  videoKind: VideoKind.nullable(),
  videoUrl: z.string().nullable(),
  milestone: z.enum(['h24', 'h72', 'd7']).nullable(),
  value: z.number(),
  compsMedian: z.number(),
  ratio: z.number().describe('value / compsMedian, two decimals'),
  comps: z.array(SignalComp).describe('The comparable titles behind the median, named'),
});
export type InterestSignal = z.infer<typeof InterestSignal>;

export const ForecastComp = z.object({
  title: z.string(),
  distributor: z.string().nullable(),
  opened: IsoDate,
  opening: z.number().describe('Opening weekend gross, dollars'),
  theaters: z.number().int().nullable(),
  genres: z.array(z.string()),
  genreMatch: z.boolean(),
  /** This comp's opening scaled by the title's interest relative to it. */
  estimate: z.number(),
});
export type ForecastComp = z.infer<typeof ForecastComp>;

export const OpeningForecast = z.object({
  id: z.string().describe('fc_<title key>_<date made>'),
  title: z.string(),
  titleKey: z.string(),
  distributor: z.string().nullable(),
  releaseDate: IsoDate,
  isSlate: z.boolean(),
  width: z.string().nullable(),
  genres: z.array(z.string()),
  madeAt: z.string(),
  asOf: IsoDate.describe('The day the interest figures run to'),
  low: z.number(),
  mid: z.number(),
  high: z.number(),
  confidence: z.enum(['high', 'medium', 'low']),
  relativeInterest: z.number().describe('Interest against the comps (geometric mean of the signals), ×'),
  signals: z.array(InterestSignal),
  comps: z.array(ForecastComp),
  notes: z.array(z.string()).describe('Why the confidence is what it is'),
  method: z.string(),
});
export type OpeningForecast = z.infer<typeof OpeningForecast>;

export const ForecastScore = z.object({
  titleKey: z.string(),
  title: z.string(),
  forecast: OpeningForecast.describe('The last forecast made before the opening'),
  actual: z.object({ start: IsoDate, gross: z.number(), theaters: z.number().int().nullable() }),
  /** (mid - actual) / actual. */
  error: z.number(),
  inRange: z.boolean(),
  scoredAt: z.string(),
});
export type ForecastScore = z.infer<typeof ForecastScore>;

export const VideoSeries = z.object({
  videoId: z.string(),
  title: z.string(),
  kind: VideoKind,
  url: z.string().nullable(),
  channel: z.string(),
  publishedAt: z.string().nullable(),
  views: z.number().nullable().describe('Latest count'),
  likes: z.number().nullable(),
  observedAt: z.string().nullable(),
  milestones: z.object({ h24: z.number().nullable(), h72: z.number().nullable(), d7: z.number().nullable() }).describe('Views 24 h, 72 h and 7 days after publication'),
  points: z.array(z.object({ hours: z.number(), views: z.number() })).describe('Views by hours since publication'),
});
export type VideoSeries = z.infer<typeof VideoSeries>;

export const TitleInterest = z.object({
  title: z.string(),
  titleKey: z.string(),
  distributor: z.string().nullable(),
  isSlate: z.boolean(),
  releaseDate: z.string().nullable(),
  width: z.string().nullable(),
  genres: z.array(z.string()),
  /** The latest video against comparable videos of its kind at its furthest milestone (what alerts and briefs quote). */
  headline: InterestSignal.nullable(),
  trailer: InterestSignal.nullable().describe('The first trailer (or teaser) against the comps’ at the furthest milestone both reached'),
  pageviews: InterestSignal.nullable(),
  pageviewsLast7: z.number().nullable().describe('Average daily page views over the last 7 days on record'),
  forecast: OpeningForecast.nullable(),
  score: ForecastScore.nullable(),
  videos: z.number().int(),
  latestObservationAt: z.string().nullable(),
});
export type TitleInterest = z.infer<typeof TitleInterest>;

export const InterestOverview = z.object({
  asOf: z.string(),
  titles: z.array(TitleInterest),
  scores: z.array(ForecastScore).describe('Forecasts scored against the actual opening (the audit)'),
});
export type InterestOverview = z.infer<typeof InterestOverview>;

export const InterestDetail = TitleInterest.extend({
  videoSeries: z.array(VideoSeries),
  pageviewSeries: z.array(z.object({ date: IsoDate, views: z.number() })),
  articles: z.array(z.object({ project: z.string(), article: z.string(), url: z.string() })),
  /** The comparable titles' lead videos of the same kind, by hours since publication (for the chart). */
  compVideos: z.array(z.object({ title: z.string(), videoTitle: z.string(), kind: VideoKind, points: z.array(z.object({ hours: z.number(), views: z.number() })) })),
  forecastHistory: z.array(OpeningForecast),
});
export type InterestDetail = z.infer<typeof InterestDetail>;

export const InterestQuery = z.object({ title: z.string().trim().min(1).max(200).optional().describe('One title in detail; without it, every tracked title') }).strict();
