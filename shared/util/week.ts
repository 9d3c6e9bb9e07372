// ISO weeks and release weekends: keys for weekly partitions, digest weeks and calendar collisions.

// One formatter per timezone: building an Intl.DateTimeFormat costs far more than formatting with one.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (YYYY-MM-DD) of an instant in a timezone. */
export function localDate(instant: Date | string, timeZone = 'UTC'): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (timeZone === 'UTC') return d.toISOString().slice(0, 10);
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(d);
}

function utcDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** ISO-8601 week key of a calendar date ("2026-11-26" → "2026-W48"). */
export function isoWeekOfDate(isoDate: string): string {
  const d = utcDate(isoDate);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** ISO week key of an instant as seen in a timezone. */
export function isoWeekOf(instant: Date | string, timeZone = 'UTC'): string {
  return isoWeekOfDate(localDate(instant, timeZone));
}

/** Monday and Sunday (ISO dates) of an ISO week key. */
export function isoWeekDates(week: string): { monday: string; sunday: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: "${week}" (use e.g. 2026-W48)`);
  const year = Number(m[1]);
  const w = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000 + (w - 1) * 7 * 86_400_000);
  if (w < 1 || w > 53 || isoWeekOfDate(monday.toISOString()) !== week) throw new Error(`not an ISO week: "${week}"`);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { monday: monday.toISOString().slice(0, 10), sunday: sunday.toISOString().slice(0, 10) };
}

/** Adds days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(utcDate(isoDate).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The release weekend a date belongs to, named by its Friday: Monday–Thursday releases count
 * toward the coming weekend (a Wednesday holiday opening plays that weekend), Friday–Sunday toward their own.
 */
export function weekendOf(isoDate: string): string {
  // Pure and called per pair of releases when collisions are looked for: remembered (bounded).
  const hit = weekends.get(isoDate);
  if (hit !== undefined) return hit;
  if (weekends.size >= 20_000) weekends.clear();
  const friday = fridayOf(isoDate);
  weekends.set(isoDate, friday);
  return friday;
}

const weekends = new Map<string, string>();

function fridayOf(isoDate: string): string {
  const day = utcDate(isoDate).getUTCDay(); // 0 Sunday .. 6 Saturday
  const toFriday = day === 0 ? -2 : day === 6 ? -1 : 5 - day;
  return addDays(isoDate, toFriday);
}

/** Whole weekends between two dates' release weekends (0 = same weekend). */
export function weekendsApart(a: string, b: string): number {
  return Math.round(Math.abs(weekendMs(a) - weekendMs(b)) / (7 * 86_400_000));
}

const weekendTimes = new Map<string, number>();

function weekendMs(isoDate: string): number {
  const hit = weekendTimes.get(isoDate);
  if (hit !== undefined) return hit;
  if (weekendTimes.size >= 20_000) weekendTimes.clear();
  const ms = utcDate(weekendOf(isoDate)).getTime();
  weekendTimes.set(isoDate, ms);
  return ms;
}

/** The months (yyyy-mm) from one date to another, both included, at most 61: the release calendar's partitions. */
export function months(fromDate: string, toDate: string): string[] {
  const out: string[] = [];
  let [y, m] = fromDate.slice(0, 7).split('-').map(Number) as [number, number];
  const end = toDate.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end || out.length > 60) return out;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}
