// Comparable titles: openings of the same width, sharing a genre, in a similar release window — the pool both the
// interest ratios and the opening forecasts use, named wherever a figure is shown.
import { daysBetween } from './series.js';
import { widthClass, type TrackedTitle } from './tracked-titles.js';

/** Openings more than this far from the title's date are not comparable (a season either side). */
export const WINDOW_DAYS = 183;

export interface CompCandidate {
  title: TrackedTitle;
  /** Genres shared with the title (0: same width and window only). */
  sharedGenres: string[];
  /** Days between its opening and the title's date. */
  distance: number;
}

/**
 * Openings comparable with `target`, best first: those sharing a genre (more shared first), then the rest of the
 * same width; nearer in time first. `before`: only openings before that date (a forecast must not know later ones).
 */
export function rankComps(target: TrackedTitle, all: Iterable<TrackedTitle>, options: { before?: string } = {}): CompCandidate[] {
  const width = widthClass(target);
  if (!width || !target.releaseDate) return [];
  const out: CompCandidate[] = [];
  for (const c of all) {
    if (!c.opening || c.key === target.key || widthClass(c) !== width) continue;
    if (options.before && c.opening.start >= options.before) continue;
    const distance = Math.abs(daysBetween(c.opening.start, target.releaseDate));
    if (distance > WINDOW_DAYS) continue;
    out.push({ title: c, sharedGenres: c.genres.filter((g) => target.genres.includes(g)), distance });
  }
  return out.sort((a, b) => Number(b.sharedGenres.length > 0) - Number(a.sharedGenres.length > 0) || b.sharedGenres.length - a.sharedGenres.length || a.distance - b.distance || a.title.key.localeCompare(b.title.key));
}

/**
 * The comps that have a value: those sharing a genre first (up to `max`); when fewer than `min` do, the nearest
 * others of the same width fill up to `min` (`relaxed` says so).
 */
export function pickComps<T>(ranked: CompCandidate[], value: (c: CompCandidate) => T | null, min: number, max = 5): { comps: Array<{ candidate: CompCandidate; value: T }>; relaxed: boolean } {
  const withValue = ranked.map((candidate) => ({ candidate, value: value(candidate) })).filter((x): x is { candidate: CompCandidate; value: T } => x.value !== null);
  const matched = withValue.filter((x) => x.candidate.sharedGenres.length > 0).slice(0, max);
  if (matched.length >= min) return { comps: matched, relaxed: false };
  const others = withValue.filter((x) => x.candidate.sharedGenres.length === 0).slice(0, min - matched.length);
  return { comps: [...matched, ...others], relaxed: others.length > 0 };
}
