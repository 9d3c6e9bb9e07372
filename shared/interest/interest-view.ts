// The read side of audience interest (API, web page, `ask`): every tracked title's summary from the last interest
// step (one query), and one title in detail — its videos by hours since release beside its comps', its page views
// per day, its forecasts and their score.
import type { InterestDetail, InterestOverview, TitleInterest } from '../model/interest.js';
import type { Workspace } from '../model/workspace.js';
import type { ReleaseStore } from '../ports/analysis-store.js';
import type { InterestStore } from '../ports/interest-store.js';
import type { ChartStore } from '../ports/store.js';
import { titleKey } from '../util/text.js';
import { hoursSeries, milestones } from './series.js';
import { TitleDataLoader, publishedOf, videosOfKind } from './title-data.js';
import { summarize, titleSignals } from './title-interest.js';
import { trackedTitles } from './tracked-titles.js';

export interface InterestViewDeps {
  workspace: Pick<Workspace, 'slate' | 'studio' | 'interest'>;
  interest: InterestStore;
  analysis: Pick<ReleaseStore, 'releasesBetween'>;
  store: ChartStore;
  /** Today in the workspace's timezone. */
  today: () => string;
}

/** Upcoming titles first (by date, ours before theirs on a date), then the rest newest first. */
export function orderTitles(titles: TitleInterest[], today: string): TitleInterest[] {
  const upcoming = titles.filter((t) => t.releaseDate && t.releaseDate >= today).sort((a, b) => a.releaseDate!.localeCompare(b.releaseDate!) || Number(b.isSlate) - Number(a.isSlate) || a.title.localeCompare(b.title));
  const rest = titles.filter((t) => !upcoming.includes(t)).sort((a, b) => (b.releaseDate ?? '').localeCompare(a.releaseDate ?? '') || a.title.localeCompare(b.title));
  return [...upcoming, ...rest];
}

/** Every title the last interest step summarized, and the scored forecasts. */
export async function interestOverview(deps: Pick<InterestViewDeps, 'interest' | 'today'>): Promise<InterestOverview> {
  const [titles, scores] = await Promise.all([deps.interest.titleInterests(), deps.interest.scores()]);
  return { asOf: deps.today(), titles: orderTitles(titles, deps.today()), scores };
}

/** One title in detail, or null when no video or article of it is stored. */
export async function interestDetail(deps: InterestViewDeps, title: string): Promise<InterestDetail | null> {
  const key = titleKey(title);
  const today = deps.today();
  const tracked = await trackedTitles(deps.workspace, deps, today);
  const loader = new TitleDataLoader(deps.interest);
  const target = tracked.get(key) ?? { title, key, distributor: null, isSlate: false, releaseDate: null, width: null, genres: [], opening: null };
  const s = await titleSignals(target, tracked.values(), loader, { min: deps.workspace.interest.minComps });
  if (!s.data.videos.length && !s.data.articles.length) return null;
  const [history, score, stored] = await Promise.all([deps.interest.forecastsFor(key), deps.interest.getScore(key), deps.interest.getTitleInterest(key)]);
  const current = history.filter((f) => !target.opening && f.releaseDate >= today).at(-1) ?? stored?.forecast ?? null;
  const summary = summarize(s, { forecast: current, score });
  // The comps' videos of the kind the headline compares, for the chart.
  const kind = s.headline?.signal.videoKind ?? 'trailer';
  const compKeys = (s.headline?.comps ?? s.trailer?.comps ?? s.ranked.slice(0, 3)).map((c) => c.title.key);
  const compVideos = [];
  for (const k of compKeys) {
    const d = await loader.load(k);
    const v = videosOfKind(d, kind)[0];
    if (!v) continue;
    compVideos.push({ title: tracked.get(k)?.title ?? k, videoTitle: v.record?.title ?? '', kind, points: hoursSeries(v.observations, publishedOf(v)).filter((p) => p.hours <= 24 * 14) });
  }
  return {
    ...summary,
    videoSeries: s.data.videos.map((v) => {
      const last = v.observations.at(-1);
      return {
        videoId: v.link.videoId,
        title: v.record?.title ?? v.link.videoId,
        kind: v.link.kind,
        url: v.record?.url ?? null,
        channel: v.record?.channelTitle ?? '',
        publishedAt: publishedOf(v),
        views: last?.views ?? null,
        likes: last?.likes ?? null,
        observedAt: last?.at ?? null,
        milestones: milestones(v.observations, publishedOf(v)),
        points: hoursSeries(v.observations, publishedOf(v)),
      };
    }),
    pageviewSeries: s.data.pageviews,
    articles: s.data.articles.map((a) => ({ project: a.project, article: a.article, url: a.url })),
    compVideos,
    forecastHistory: history,
  };
}
