// One title's interest against its comps: the first-trailer and page-view signals (what forecasts use), the latest
// video's signal (what alerts and briefs quote), and the latest counts — with or without an "as of" cutoff.
import type { ForecastScore, OpeningForecast, TitleInterest } from '../model/interest.js';
import { rankComps, type CompCandidate } from './comps.js';
import { latestVideoSignal, pageviewsSignal, trailerSignal, type SignalOptions, type SignalResult } from './signals.js';
import { windowAverage } from './series.js';
import type { TitleData, TitleDataLoader } from './title-data.js';
import type { TrackedTitle } from './tracked-titles.js';

export interface TitleSignals {
  target: TrackedTitle;
  data: TitleData;
  ranked: CompCandidate[];
  trailer: SignalResult | null;
  pageviews: SignalResult | null;
  headline: SignalResult | null;
}

/** Computes a title's signals against the openings in `all` (`before`: only openings before that date). */
export async function titleSignals(
  target: TrackedTitle,
  all: Iterable<TrackedTitle>,
  loader: TitleDataLoader,
  options: Omit<SignalOptions, 'min'> & { min: number; before?: string },
): Promise<TitleSignals> {
  const data = await loader.load(target.key);
  const ranked = rankComps(target, all, { before: options.before });
  const [trailer, pageviews, latest] = await Promise.all([
    trailerSignal(data, ranked, loader, options),
    pageviewsSignal(target, data, ranked, loader, options),
    latestVideoSignal(data, ranked, loader, options),
  ]);
  return { target, data, ranked, trailer, pageviews, headline: latest ?? trailer };
}

/** The summary the overview, the digest and the alerts read. */
export function summarize(s: TitleSignals, extra: { forecast: OpeningForecast | null; score: ForecastScore | null }): TitleInterest {
  const last = s.data.pageviews.at(-1)?.date;
  const observed = s.data.videos.flatMap((v) => v.observations.map((o) => o.at)).sort().at(-1) ?? null;
  return {
    title: s.target.title,
    titleKey: s.target.key,
    distributor: s.target.distributor,
    isSlate: s.target.isSlate,
    releaseDate: s.target.releaseDate,
    width: s.target.width,
    genres: s.target.genres,
    headline: s.headline?.signal ?? null,
    trailer: s.trailer?.signal ?? null,
    pageviews: s.pageviews?.signal ?? null,
    pageviewsLast7: last ? windowAverage(s.data.pageviews, last) : null,
    forecast: extra.forecast,
    score: extra.score,
    videos: s.data.videos.length,
    latestObservationAt: observed,
  };
}
