// Releases read once per month partition for the length of a run: the steps after analysis (collisions, tracked titles,
// counter-briefs) each read overlapping ranges of the calendar, which does not change while they run.
import type { Release } from '../model/release.js';
import type { ReleaseStore } from '../ports/analysis-store.js';
import { months } from '../util/week.js';
import { mapLimit } from '../util/concurrency.js';
import { withOverrides } from '../util/overrides.js';

const MONTHS_AT_ONCE = 4;

/**
 * `store` with `releasesBetween` answered from whole month partitions, each read once (a failed read is not kept),
 * filtered as the store's key condition would (`date#titleKey` between the two dates). Only for a span in which
 * nothing writes releases.
 */
export function memoReleases<T extends Pick<ReleaseStore, 'releasesBetween'>>(store: T): T {
  const byMonth = new Map<string, Promise<Release[]>>();
  const month = (m: string): Promise<Release[]> => {
    let p = byMonth.get(m);
    if (!p) {
      p = store.releasesBetween(m, `${m}-31`);
      byMonth.set(m, p);
      p.catch(() => byMonth.delete(m));
    }
    return p;
  };
  const releasesBetween = async (from: string, to: string): Promise<Release[]> => {
    const within = releaseRange(from, to);
    if (!within) return store.releasesBetween(from, to);
    return (await mapLimit(months(from, to), MONTHS_AT_ONCE, month)).flat().filter(within);
  };
  return withOverrides(store, { releasesBetween });
}

/**
 * The test `releasesBetween(from, to)` applies to a release of a whole month partition (its key, `date#titleKey`,
 * between the two dates), or null for a range the month partitions cannot answer.
 */
export function releaseRange(from: string, to: string): ((r: Release) => boolean) | null {
  const lo = from.slice(0, 10);
  const hi = `${to.slice(0, 10)}\uffff`;
  if (!lo || !to || lo > hi) return null;
  return (r) => {
    const sk = `${r.date}#${r.titleKey}`;
    return sk >= lo && sk <= hi;
  };
}
