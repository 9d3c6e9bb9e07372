// The brief's statistics: event counts by type against the previous four weeks, and coverage movers.
import type { Event } from '../../../model/event.js';
import type { Item } from '../../../model/item.js';
import type { CoverageMover, TypeCount } from '../../../model/brief.js';
import { round1 } from './figures.js';

/** Event counts by type this week against the average of the previous four weeks, busiest first. */
export function eventCounts(events: Event[], previous: Event[][]): { byType: TypeCount[]; previousAverage: number } {
  const byType: TypeCount[] = [];
  for (const type of new Set([...events, ...previous.flat()].map((e) => e.type))) {
    const thisWeek = events.filter((e) => e.type === type).length;
    const avg = round1(previous.reduce((s, evs) => s + evs.filter((e) => e.type === type).length, 0) / 4);
    byType.push({ type, thisWeek, previousAverage: avg });
  }
  byType.sort((a, b) => b.thisWeek - a.thisWeek || a.type.localeCompare(b.type));
  return { byType, previousAverage: round1(previous.reduce((s, e) => s + e.length, 0) / 4) };
}

function groupBy<T>(values: T[], key: (v: T) => string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const v of values) for (const k of new Set(key(v))) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
}

function coverage(events: Event[], items: Map<string, Item>, key: (e: Event) => string[]): Map<string, { items: Set<string>; outlets: Set<string>; events: Event[] }> {
  const out = new Map<string, { items: Set<string>; outlets: Set<string>; events: Event[] }>();
  for (const [name, evs] of groupBy(events, key)) {
    const entry = { items: new Set<string>(), outlets: new Set<string>(), events: evs };
    for (const e of evs) {
      for (const id of e.itemIds) {
        entry.items.add(id);
        const it = items.get(id);
        if (it) entry.outlets.add(it.sourceId);
      }
    }
    out.set(name, entry);
  }
  return out;
}

/** The five studios (or titles) whose coverage (items) grew most since last week. */
export function coverageMovers(kind: 'studio' | 'title', now: Event[], before: Event[], items: Map<string, Item>): CoverageMover[] {
  const key = kind === 'studio' ? (e: Event) => e.studios : (e: Event) => e.titles;
  const cur = coverage(now, items, key);
  const prev = coverage(before, items, key);
  return [...cur]
    .map(([name, c]) => {
      const last = prev.get(name)?.items.size ?? 0;
      return { kind, name, items: c.items.size, outlets: c.outlets.size, lastWeekItems: last, delta: c.items.size - last };
    })
    .sort((a, b) => b.delta - a.delta || b.items - a.items || a.name.localeCompare(b.name))
    .slice(0, 5);
}
