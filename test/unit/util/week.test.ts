// ISO weeks and release weekends.
import { describe, expect, it } from 'vitest';
import { isoWeekDates, isoWeekOf, isoWeekOfDate, localDate, weekendOf, weekendsApart } from '../../../shared/util/week.js';
import { durationMs } from '../../../shared/util/duration.js';

describe('weeks', () => {
  it('computes ISO weeks, including across a year boundary', () => {
    expect(isoWeekOfDate('2026-11-26')).toBe('2026-W48');
    expect(isoWeekOfDate('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOfDate('2027-01-04')).toBe('2027-W01');
    expect(isoWeekDates('2026-W48')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(() => isoWeekDates('2026-W60')).toThrow(/not an ISO week/);
  });

  it('uses the workspace timezone for the local date', () => {
    // 03:00 UTC Monday is still Sunday evening in Los Angeles.
    expect(localDate('2026-11-30T03:00:00Z', 'America/Los_Angeles')).toBe('2026-11-29');
    expect(isoWeekOf('2026-11-30T03:00:00Z', 'America/Los_Angeles')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-30T03:00:00Z', 'UTC')).toBe('2026-W49');
  });

  it('names release weekends by their Friday, a Wednesday opening counting toward its weekend', () => {
    expect(weekendOf('2026-11-25')).toBe('2026-11-27');
    expect(weekendOf('2026-11-29')).toBe('2026-11-27');
    expect(weekendOf('2027-03-12')).toBe('2027-03-12');
    expect(weekendsApart('2027-03-12', '2027-03-19')).toBe(1);
    expect(weekendsApart('2027-03-19', '2027-03-21')).toBe(0);
  });

  it('parses durations', () => {
    expect(durationMs('15m')).toBe(900_000);
    expect(durationMs('1d2h')).toBe(93_600_000);
    expect(() => durationMs('soon')).toThrow(/invalid duration/);
  });
});
