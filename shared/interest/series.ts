// Interest series arithmetic: a video's views at 24 h / 72 h / 7 days from its snapshots, and page-view averages
// over a window of days. Pure functions; "as of" cutoffs keep a backtest from seeing what came later.
import { MILESTONES, type MilestoneKey, type PageviewPoint, type ViewObservation } from '../model/interest.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const MILESTONE_HOURS: Record<MilestoneKey, number> = Object.fromEntries(MILESTONES.map((m) => [m.key, m.hours])) as Record<MilestoneKey, number>;
export const MILESTONE_LABEL: Record<MilestoneKey, string> = Object.fromEntries(MILESTONES.map((m) => [m.key, m.label])) as Record<MilestoneKey, string>;

/**
 * Views `hours` after publication: an observation at that instant, or a straight line between the last one before
 * and the first one after, when they are close enough (within half the milestone, at least 6 hours) to trust.
 * Null when the video is younger than that as of `cutoff`, or the snapshots around it are missing or too far apart.
 */
export function viewsAt(observations: ViewObservation[], publishedAt: string | null, hours: number, cutoff?: string): number | null {
  if (!publishedAt) return null;
  const target = Date.parse(publishedAt) + hours * HOUR;
  const limit = cutoff ? Date.parse(cutoff) : Infinity;
  if (target > limit) return null;
  let before: ViewObservation | null = null;
  let after: ViewObservation | null = null;
  for (const o of observations) {
    const t = Date.parse(o.at);
    if (t > limit) break;
    if (t <= target) before = o;
    if (t >= target) {
      after = o;
      break;
    }
  }
  if (before && Date.parse(before.at) === target) return before.views;
  if (!before || !after) return null;
  const t0 = Date.parse(before.at);
  const t1 = Date.parse(after.at);
  if (t1 - t0 > Math.max(6, hours / 2) * HOUR) return null;
  return Math.round(before.views + ((after.views - before.views) * (target - t0)) / (t1 - t0));
}

/** The 24 h, 72 h and 7-day views of a video (null where not reached or not known). */
export function milestones(observations: ViewObservation[], publishedAt: string | null, cutoff?: string): Record<MilestoneKey, number | null> {
  return {
    h24: viewsAt(observations, publishedAt, 24, cutoff),
    h72: viewsAt(observations, publishedAt, 72, cutoff),
    d7: viewsAt(observations, publishedAt, 168, cutoff),
  };
}

/** Observations as (hours since publication, views), oldest first, up to `cutoff`. */
export function hoursSeries(observations: ViewObservation[], publishedAt: string | null, cutoff?: string): Array<{ hours: number; views: number }> {
  if (!publishedAt) return [];
  const pub = Date.parse(publishedAt);
  const limit = cutoff ? Date.parse(cutoff) : Infinity;
  return observations
    .filter((o) => Date.parse(o.at) <= limit && Date.parse(o.at) >= pub)
    .map((o) => ({ hours: Math.round(((Date.parse(o.at) - pub) / HOUR) * 10) / 10, views: o.views }));
}

export function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY);
}

/** Average daily views over the `days` days ending `end` (inclusive); null with fewer than 5 of those days on record. */
export function windowAverage(points: PageviewPoint[], end: string, days = 7): number | null {
  const start = addDaysIso(end, -(days - 1));
  const inside = points.filter((p) => p.date >= start && p.date <= end);
  if (inside.length < Math.min(5, days)) return null;
  return Math.round(inside.reduce((s, p) => s + p.views, 0) / inside.length);
}

/** Several articles of one title (languages, renames) summed per day. */
export function mergePageviews(series: PageviewPoint[][]): PageviewPoint[] {
  const byDay = new Map<string, number>();
  for (const s of series) for (const p of s) byDay.set(p.date, (byDay.get(p.date) ?? 0) + p.views);
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, views]) => ({ date, views }));
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The q-quantile (0..1) with linear interpolation between order statistics. */
export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 1) return s[0]!;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
