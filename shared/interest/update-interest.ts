// Use-case updateInterest (the cycle's post-analysis step): link new videos to titles, compute every tracked title's
// interest against its comps, forecast the openings of the next weeks, score the forecasts of titles that opened,
// and keep the summaries the digest, the page, `ask` and the alerts read.
import { openings } from '../analysis/boxoffice-series.js';
import type { ForecastScore, OpeningForecast, TitleInterest, VideoLink } from '../model/interest.js';
import type { Workspace } from '../model/workspace.js';
import type { ReleaseStore } from '../ports/analysis-store.js';
import type { InterestStore } from '../ports/interest-store.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { ChartStore } from '../ports/store.js';
import type { VideoLinker } from '../ports/video-linker.js';
import { sha256Hex, titleKey } from '../util/text.js';
import { localDate } from '../util/week.js';
import { mapLimit } from '../util/concurrency.js';
import { forecastOpening } from './forecast.js';
import { addDaysIso } from './series.js';
import { TitleDataLoader } from './title-data.js';
import { summarize, titleSignals } from './title-interest.js';
import { trackedTitles, widthClass, type TrackedTitle } from './tracked-titles.js';

export interface UpdateInterestDeps {
  interest: InterestStore;
  analysis: Pick<ReleaseStore, 'releasesBetween'>;
  store: ChartStore;
  /** Links videos to titles (the embedded analyst's rules); without it new videos stay unlinked. */
  linker?: VideoLinker;
  log?: Logger;
}

export interface InterestReport {
  /** The day the report is for (the workspace's today). */
  today: string;
  /** Videos published in the last 400 days, and how many are linked to a title (newly this run). */
  videos: number;
  linked: number;
  newlyLinked: number;
  /** Titles with interest data, their summaries (signals against comps). */
  titles: TitleInterest[];
  forecasts: OpeningForecast[];
  /** Titles dated within the horizon without a forecast, and why. */
  notForecast: Array<{ title: string; releaseDate: string; reason: string }>;
  /** Forecasts scored this run against the title's actual opening. */
  scored: ForecastScore[];
  /** The newest view-count snapshot and page-view day on record. */
  latestObservationAt: string | null;
  latestPageviewDay: string | null;
}

/**
 * Runs the interest step for a workspace as of `asOf` (its pinned clock or now): everything is derived from what
 * the crawl stored, so it is idempotent; forecasts keep one row per title and day made.
 */
export async function updateInterest(workspace: Workspace, deps: UpdateInterestDeps, asOf: Date): Promise<InterestReport> {
  const log = deps.log ?? silentLogger;
  const today = localDate(asOf, workspace.timezone);
  const history = await openings(deps.store);
  const tracked = await trackedTitles(workspace, deps, today, history);

  // ---- link the videos not linked yet (or linked to nothing against an older vocabulary) ----
  const videos = await deps.interest.recentVideos(new Date(asOf.getTime() - 400 * 86_400_000).toISOString());
  const links = await deps.interest.videoLinks(videos.map((v) => v.videoId));
  const vocabulary = [...tracked.values()].map((t) => t.title).sort();
  const vocabHash = sha256Hex(`${deps.linker?.version ?? 'none'}|${vocabulary.join('|')}`, 16);
  const toLink = videos.filter((v) => {
    const l = links.get(v.videoId);
    return !l || (l.titleKey === null && l.vocabulary !== vocabHash);
  });
  let newlyLinked = 0;
  if (deps.linker && toLink.length) {
    const results = deps.linker.link(toLink.map((v) => ({ videoId: v.videoId, title: v.title, description: v.description })), vocabulary);
    const fresh: VideoLink[] = results.map((r, i) => {
      const key = r.title ? titleKey(r.title) : null;
      return { videoId: r.videoId, titleKey: key, title: key ? (tracked.get(key)?.title ?? r.title) : null, kind: r.kind, vocabulary: vocabHash, linkedAt: asOf.toISOString(), publishedAt: toLink[i]!.publishedAt };
    });
    await deps.interest.putVideoLinks(fresh);
    for (const l of fresh) {
      links.set(l.videoId, l);
      if (l.titleKey) newlyLinked++;
    }
  }

  // ---- every title with videos or page views ----
  const keys = new Set<string>([...links.values()].flatMap((l) => (l.titleKey ? [l.titleKey] : [])));
  for (const s of workspace.sources) if (s.kind === 'pageviews' && s.title) keys.add(titleKey(s.title));
  const titleOf = (key: string): TrackedTitle => tracked.get(key) ?? { title: [...links.values()].find((l) => l.titleKey === key)?.title ?? key, key, distributor: null, isSlate: false, releaseDate: null, width: null, genres: [], opening: null };
  const loader = new TitleDataLoader(deps.interest);
  const min = workspace.interest.minComps;
  const signals = await mapLimit([...keys], 4, (key) => titleSignals(titleOf(key), tracked.values(), loader, { min }));

  // ---- forecasts for the titles dated within the horizon ----
  const until = addDaysIso(today, workspace.interest.horizonWeeks * 7);
  const forecasts: OpeningForecast[] = [];
  const notForecast: InterestReport['notForecast'] = [];
  const latestDay = signals.flatMap((s) => s.data.pageviews.map((p) => p.date)).sort().at(-1) ?? null;
  const latestObs = signals.flatMap((s) => s.data.videos.flatMap((v) => v.observations.map((o) => o.at))).sort().at(-1) ?? null;
  const dataDay = [latestDay, latestObs?.slice(0, 10), today].filter((d): d is string => !!d).sort().at(-1)!;
  for (const s of signals) {
    const t = s.target;
    if (!t.releaseDate || t.releaseDate <= today || t.releaseDate > until || t.opening) continue;
    if (!widthClass(t)) {
      notForecast.push({ title: t.title, releaseDate: t.releaseDate, reason: 'not a theatrical release' });
      continue;
    }
    const out = forecastOpening(t, [s.trailer, s.pageviews].filter((x) => x !== null), { madeAt: asOf.toISOString(), asOf: dataDay, minComps: min });
    if ('reason' in out) notForecast.push({ title: t.title, releaseDate: t.releaseDate, reason: out.reason });
    else {
      await deps.interest.putForecast(out.forecast);
      forecasts.push(out.forecast);
    }
  }

  // ---- score the forecasts of titles that opened (the last one made before the opening) ----
  const scored: ForecastScore[] = [];
  const scores = new Map<string, ForecastScore>();
  for (const t of tracked.values()) {
    if (!t.opening || t.opening.start < addDaysIso(today, -56)) continue;
    const existing = await deps.interest.getScore(t.key);
    if (existing) {
      scores.set(t.key, existing);
      continue;
    }
    const made = (await deps.interest.forecastsFor(t.key)).filter((f) => f.madeAt.slice(0, 10) < t.opening!.start);
    const last = made.at(-1);
    if (!last) continue;
    const score: ForecastScore = {
      titleKey: t.key,
      title: t.title,
      forecast: last,
      actual: { start: t.opening.start, gross: t.opening.gross, theaters: t.opening.theaters },
      error: Math.round(((last.mid - t.opening.gross) / t.opening.gross) * 1000) / 1000,
      inRange: t.opening.gross >= last.low && t.opening.gross <= last.high,
      scoredAt: asOf.toISOString(),
    };
    if (await deps.interest.putScoreIfNew(score)) {
      scored.push(score);
      log.info('forecast scored', { title: t.title, mid: last.mid, actual: t.opening.gross, error: score.error });
    }
    scores.set(t.key, score);
  }

  const current = new Map((await deps.interest.currentForecasts(today)).map((f) => [f.titleKey, f]));
  for (const f of forecasts) current.set(f.titleKey, f);
  const titles = signals.map((s) => summarize(s, { forecast: current.get(s.target.key) ?? null, score: scores.get(s.target.key) ?? null }));
  await deps.interest.putTitleInterests(titles);
  const linkedCount = [...links.values()].filter((l) => l.titleKey).length;
  return { today, videos: videos.length, linked: linkedCount, newlyLinked, titles, forecasts, notForecast, scored, latestObservationAt: latestObs, latestPageviewDay: latestDay };
}
