// The titles interest is computed for, with what comparing them needs: release date, width, genres, distributor and,
// once it has opened, the opening weekend — merged from the slate, the workspace's interest titles, the release
// calendar and the box-office charts (in that order of trust).
import { openings, type Opening } from '../analysis/boxoffice-series.js';
import { canonicalGenres } from '../analysis/genres.js';
import type { Workspace } from '../model/workspace.js';
import type { ReleaseStore } from '../ports/analysis-store.js';
import type { ChartStore } from '../ports/store.js';
import { titleKey } from '../util/text.js';
import { addDaysIso } from './series.js';

export type Width = 'wide' | 'limited' | 'platform' | 'streaming';

export interface TrackedTitle {
  title: string;
  key: string;
  distributor: string | null;
  isSlate: boolean;
  /** A full ISO date, or null when only a month or nothing is known. */
  releaseDate: string | null;
  width: Width | null;
  genres: string[];
  opening: { start: string; gross: number; theaters: number | null } | null;
}

/** Theaters from which an opening counts as wide (the trades' line is about 2,000; specialty expansions stay below). */
export const WIDE_THEATERS = 1500;

/** wide or limited, the way openings are compared: from the opening's theater count when it has one. */
export function widthClass(t: Pick<TrackedTitle, 'width' | 'opening'>): 'wide' | 'limited' | null {
  if (t.opening?.theaters) return t.opening.theaters >= WIDE_THEATERS ? 'wide' : 'limited';
  if (t.width === 'streaming') return null;
  if (t.width === 'limited' || t.width === 'platform') return 'limited';
  return 'wide';
}

/**
 * Every title the workspace or the store knows: the slate, `interest.titles`, the calendar around `today`
 * (400 days either side) and the openings of the stored weekend charts.
 */
export async function trackedTitles(
  workspace: Pick<Workspace, 'slate' | 'studio' | 'interest'>,
  deps: { analysis: Pick<ReleaseStore, 'releasesBetween'>; store: ChartStore },
  today: string,
  history?: Opening[],
): Promise<Map<string, TrackedTitle>> {
  const out = new Map<string, TrackedTitle>();
  const get = (title: string): TrackedTitle => {
    const key = titleKey(title);
    let t = out.get(key);
    if (!t) {
      t = { title, key, distributor: null, isSlate: false, releaseDate: null, width: null, genres: [], opening: null };
      out.set(key, t);
    }
    return t;
  };
  for (const s of workspace.slate) {
    const t = get(s.title);
    Object.assign(t, { isSlate: true, releaseDate: s.releaseDate, width: s.width ?? 'wide', genres: canonicalGenres(s.genres), distributor: s.distributor ?? workspace.studio ?? null });
  }
  for (const i of workspace.interest.titles) {
    const t = get(i.title);
    if (!t.genres.length && i.genres.length) t.genres = canonicalGenres(i.genres);
    t.width ??= i.width ?? null;
  }
  for (const r of await deps.analysis.releasesBetween(addDaysIso(today, -400), addDaysIso(today, 400))) {
    const t = get(r.title);
    if (t.isSlate) continue;
    if (r.date && r.date.length === 10) t.releaseDate ??= r.date;
    t.distributor ??= r.distributor;
    t.width ??= r.width;
    if (!t.genres.length) t.genres = r.genres;
  }
  for (const o of history ?? (await openings(deps.store))) {
    const t = get(o.title);
    t.opening = { start: o.start, gross: o.gross, theaters: o.theaters };
    t.distributor ??= o.distributor;
    // A title that opened is dated by its opening weekend (the calendar may hold a later digital date).
    if (!t.isSlate) t.releaseDate = o.start;
    if (t.width === 'streaming') t.width = null;
  }
  // Titles on the latest weekend and daily charts (in release, maybe not opened in the stored history).
  for (const type of ['weekend', 'daily'] as const) {
    for (const info of (await deps.store.listCharts(type, { limit: 2 })).items) {
      if (!info.period.start) continue;
      for (const e of (await deps.store.getChart(info.site, type, info.period.start))?.entries ?? []) {
        const t = get(e.title);
        t.distributor ??= e.distributor;
      }
    }
  }
  return out;
}
