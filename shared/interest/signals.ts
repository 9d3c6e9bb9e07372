// Interest signals: a title's trailer views at a milestone, or its page views some days before release, against the
// same figure of its comps (named) — "their trailer is at 2.1× comps at day 3".
import type { InterestSignal, MilestoneKey, VideoKind } from '../model/interest.js';
import { pickComps, type CompCandidate } from './comps.js';
import { MILESTONE_HOURS, MILESTONE_LABEL, addDaysIso, daysBetween, median, round2, viewsAt, windowAverage } from './series.js';
import { TRAILER_KINDS, publishedOf, videosOfKind, type TitleData, type TitleDataLoader, type TitleVideo } from './title-data.js';
import type { TrackedTitle } from './tracked-titles.js';

export interface SignalOptions {
  /** Only what was known by this instant (a backtest); default: everything stored. */
  cutoff?: string;
  /** The same for the comps (default: everything, they have opened). */
  compCutoff?: string;
  min: number;
  max?: number;
}

export interface SignalResult {
  signal: InterestSignal;
  target: number;
  /** Each comp's value of the same figure, by title key. */
  values: Map<string, number>;
  comps: CompCandidate[];
  relaxed: boolean;
}

const FURTHEST_FIRST: MilestoneKey[] = ['d7', 'h72', 'h24'];
const KIND_WORD: Record<VideoKind, string> = { teaser: 'teaser', trailer: 'trailer', final_trailer: 'final trailer', clip: 'clip', spot: 'spot', other: 'video' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2026-11-25" → "Nov 25" (labels are shown as they are). */
export const shortDay = (d: string) => `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}`;

async function compData(ranked: CompCandidate[], loader: TitleDataLoader): Promise<Map<string, TitleData>> {
  return new Map(await Promise.all(ranked.map(async (c) => [c.title.key, await loader.load(c.title.key)] as const)));
}

function nthOfKind(data: TitleData | undefined, kind: VideoKind, n: number, cutoff?: string): TitleVideo | null {
  return data ? (videosOfKind(data, kind, cutoff)[n] ?? null) : null;
}

/** One video against the comps' video of the same kind and rank, at the furthest milestone enough comps reached. */
async function videoSignal(video: TitleVideo, ordinal: number, label: (m: MilestoneKey) => string, ranked: CompCandidate[], loader: TitleDataLoader, o: SignalOptions): Promise<SignalResult | null> {
  const kind = video.link.kind;
  const data = await compData(ranked, loader);
  for (const m of FURTHEST_FIRST) {
    const hours = MILESTONE_HOURS[m];
    const target = viewsAt(video.observations, publishedOf(video), hours, o.cutoff);
    if (target === null) continue;
    const picked = pickComps(
      ranked,
      (c) => {
        const v = nthOfKind(data.get(c.title.key), kind, ordinal, o.compCutoff);
        return v ? viewsAt(v.observations, publishedOf(v), hours, o.compCutoff) : null;
      },
      o.min,
      o.max,
    );
    if (picked.comps.length < o.min) continue;
    const med = median(picked.comps.map((c) => c.value));
    return {
      signal: {
        metric: 'trailer_views',
        label: label(m),
        videoTitle: video.record?.title ?? null,
        videoKind: kind,
        videoUrl: video.record?.url ?? null,
        milestone: m,
        value: target,
        compsMedian: Math.round(med),
        ratio: round2(target / med),
        comps: picked.comps.map((c) => ({ title: c.candidate.title.title, value: c.value })),
      },
      target,
      values: new Map(picked.comps.map((c) => [c.candidate.title.key, c.value])),
      comps: picked.comps.map((c) => c.candidate),
      relaxed: picked.relaxed,
    };
  }
  return null;
}

/** The title's first trailer (a teaser when it has no trailer yet) against the comps' first of the same kind. */
export async function trailerSignal(targetData: TitleData, ranked: CompCandidate[], loader: TitleDataLoader, o: SignalOptions): Promise<SignalResult | null> {
  for (const kind of ['trailer', 'teaser'] as const) {
    const first = videosOfKind(targetData, kind, o.cutoff)[0];
    if (!first) continue;
    const out = await videoSignal(first, 0, (m) => `first ${KIND_WORD[kind]} at ${MILESTONE_LABEL[m]}`, ranked, loader, o);
    if (out) return out;
  }
  return null;
}

/** The title's latest teaser or trailer against the comps' video of the same kind and rank ("final trailer at day 3"). */
export async function latestVideoSignal(targetData: TitleData, ranked: CompCandidate[], loader: TitleDataLoader, o: SignalOptions): Promise<SignalResult | null> {
  const videos = targetData.videos.filter((v) => TRAILER_KINDS.includes(v.link.kind) && publishedOf(v) && (!o.cutoff || publishedOf(v)! <= o.cutoff));
  for (const latest of [...videos].reverse()) {
    const ordinal = videosOfKind(targetData, latest.link.kind, o.cutoff).indexOf(latest);
    const word = `${KIND_WORD[latest.link.kind]}${ordinal > 0 ? ` ${ordinal + 1}` : ''}`;
    const out = await videoSignal(latest, ordinal, (m) => `${word} at ${MILESTONE_LABEL[m]}`, ranked, loader, o);
    if (out) return out;
  }
  return null;
}

/**
 * Average daily page views over the last 7 days on record (before release, by `cutoff`) against each comp's average
 * over the 7 days ending as many days before its own opening.
 */
export async function pageviewsSignal(target: TrackedTitle, targetData: TitleData, ranked: CompCandidate[], loader: TitleDataLoader, o: SignalOptions): Promise<SignalResult | null> {
  if (!target.releaseDate) return null;
  const cutoffDay = o.cutoff?.slice(0, 10);
  const points = cutoffDay ? targetData.pageviews.filter((p) => p.date < cutoffDay) : targetData.pageviews;
  const last = points.at(-1)?.date;
  if (!last) return null;
  const end = last < target.releaseDate ? last : addDaysIso(target.releaseDate, -1);
  const before = daysBetween(end, target.releaseDate);
  const value = windowAverage(points, end);
  if (value === null) return null;
  const data = await compData(ranked, loader);
  const compDay = o.compCutoff?.slice(0, 10);
  const picked = pickComps(
    ranked,
    (c) => {
      const d = data.get(c.title.key);
      if (!d || !c.title.opening) return null;
      const series = compDay ? d.pageviews.filter((p) => p.date < compDay) : d.pageviews;
      return windowAverage(series, addDaysIso(c.title.opening.start, -before));
    },
    o.min,
    o.max,
  );
  if (picked.comps.length < o.min) return null;
  const med = median(picked.comps.map((c) => c.value));
  return {
    signal: {
      metric: 'page_views',
      label: `page views a day, week to ${shortDay(end)}, ${before} day${before === 1 ? '' : 's'} before release`,
      videoTitle: null,
      videoKind: null,
      videoUrl: null,
      milestone: null,
      value,
      compsMedian: Math.round(med),
      ratio: round2(value / med),
      comps: picked.comps.map((c) => ({ title: c.candidate.title.title, value: c.value })),
    },
    target: value,
    values: new Map(picked.comps.map((c) => [c.candidate.title.key, c.value])),
    comps: picked.comps.map((c) => c.candidate),
    relaxed: picked.relaxed,
  };
}
