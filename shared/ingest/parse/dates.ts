// Date strings from feeds and pages (RFC 822, ISO 8601, "Nov. 24, 2026 3:05 PM ET") to ISO-8601 UTC, or null.

export interface DateOptions {
  /** Reference time: dates more than two days after it are rejected. Defaults to the current time. */
  now?: Date;
  /** IANA zone for strings that carry no zone; defaults to UTC. */
  timeZone?: string;
}

const MIN_MS = Date.UTC(1995, 0, 1);
const MAX_AHEAD_MS = 2 * 24 * 3600 * 1000;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Fixed-offset abbreviations (minutes east of UTC). Ambiguous ones (IST, CST-as-China, ...) are left out on purpose. */
const FIXED_ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600,
  bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, wet: 0, west: 60,
  jst: 540, kst: 540, aest: 600, aedt: 660,
};
/** Zone names without standard/daylight letter follow the region's rules. */
const RULE_ZONES: Record<string, string> = {
  et: 'America/New_York', ct: 'America/Chicago', mt: 'America/Denver', pt: 'America/Los_Angeles',
};

// The common case, strict RFC 822 as feeds emit it: "Tue, 24 Nov 2026 15:05:00 +0000" (checked first, cheaply).
const RFC822 = /^(?:[A-Z][a-z]{2}, )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}|GMT|UTC|UT|Z)$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
// "Tue, 24 Nov 2026 15:05:00 +0000", "4 Nov 26 3:05 PST", "24 November 2026"
const DAY_FIRST = /^(?:[A-Za-z]{2,9}\.?,?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}|\d{2})(?:,?\s+(?:at\s+)?(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?\s*(?:\(?([A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{2}:?\d{2})\)?)?$/;
// "November 24, 2026", "Nov. 24, 2026 3:05 PM ET", "Tuesday, Nov 24 2026 at 10am PT"
const MONTH_FIRST = /^(?:[A-Za-z]{2,9}\.?,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?\s*(?:\(?([A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{2}:?\d{2})\)?)?$/;

/** Parses a date string to ISO-8601 UTC; null when absent, unparseable, before 1995 or more than two days ahead. */
export function toIsoUtc(input: string | null | undefined, opts: DateOptions = {}): string | null {
  if (!input) return null;
  const s = input.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 100) return null;
  const ms = parseToMs(s, opts.timeZone);
  if (ms === null || Number.isNaN(ms)) return null;
  const now = opts.now ? opts.now.getTime() : Date.now();
  if (ms < MIN_MS || ms > now + MAX_AHEAD_MS) return null;
  return new Date(ms).toISOString();
}

function parseToMs(s: string, defaultZone: string | undefined): number | null {
  let m = RFC822.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month) return build(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +m[6]!, 0, m[7], defaultZone);
  }
  m = ISO.exec(s);
  if (m) {
    const hasTime = m[4] !== undefined;
    const frac = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(+m[1]!, +m[2]!, +m[3]!, hasTime ? +m[4]! : 0, hasTime ? +m[5]! : 0, m[6] ? +m[6] : 0, frac, m[8], defaultZone);
  }
  m = DAY_FIRST.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    if (!month) return null;
    const hour = to24(m[4], m[7]);
    if (hour === null) return null;
    return build(fullYear(m[3]!), month, +m[1]!, hour, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, 0, m[8], defaultZone);
  }
  m = MONTH_FIRST.exec(s);
  if (m) {
    const month = monthNumber(m[1]!);
    if (!month) return null;
    const hour = to24(m[4], m[7]);
    if (hour === null) return null;
    return build(+m[3]!, month, +m[2]!, hour, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, 0, m[8], defaultZone);
  }
  return null;
}

function monthNumber(name: string): number | null {
  const l = name.toLowerCase();
  const n = MONTHS[l.slice(0, 3)];
  if (!n) return null;
  // "Sept" and full names are fine; "Novxyz" is not.
  if (l.length > 3 && !MONTH_FULL[n - 1]!.startsWith(l)) return null;
  return n;
}

function fullYear(y: string): number {
  if (y.length === 4) return +y;
  const n = +y;
  return n < 50 ? 2000 + n : 1900 + n; // RFC 2822 §4.3
}

function to24(hour: string | undefined, ampm: string | undefined): number | null {
  if (hour === undefined) return 0;
  let h = +hour;
  if (!ampm) return h;
  if (h < 1 || h > 12) return null;
  const pm = ampm[0] === 'p' || ampm[0] === 'P';
  if (h === 12) h = 0;
  return pm ? h + 12 : h;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return DAYS_IN_MONTH[m - 1]!;
}

function build(
  y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number,
  zone: string | undefined, defaultZone: string | undefined,
): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 60) return null;
  if (sec === 60) sec = 59; // leap second
  const local = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  if (zone === undefined) return defaultZone ? zonedToUtc(local, defaultZone) : local;
  const offset = parseOffset(zone);
  if (offset !== null) return local - offset * 60_000;
  const region = RULE_ZONES[zone.toLowerCase()];
  return region ? zonedToUtc(local, region) : null;
}

/** Minutes east of UTC for "Z", "+0000", "-05:00", "GMT+0100", "PST"...; null if unknown. */
function parseOffset(zone: string): number | null {
  const fixed = FIXED_ZONES[zone.toLowerCase()];
  if (fixed !== undefined) return fixed;
  const m = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?$/i.exec(zone);
  if (!m) return null;
  const mins = +m[2]! * 60 + (m[3] ? +m[3] : 0);
  if (mins > 14 * 60) return null;
  return m[1] === '-' ? -mins : mins;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      f = null; // unknown zone name
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Offset (ms) of `zone` at UTC instant `t`. */
function zoneOffsetMs(f: Intl.DateTimeFormat, t: number): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(t)) if (part.type !== 'literal') p[part.type] = +part.value;
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** Converts a wall-clock time (given as if it were UTC) in `zone` to a UTC instant, honouring DST. */
function zonedToUtc(localAsUtc: number, zone: string): number | null {
  const f = formatterFor(zone);
  if (!f) return null;
  const first = zoneOffsetMs(f, localAsUtc);
  let t = localAsUtc - first;
  const second = zoneOffsetMs(f, t);
  if (second !== first) t = localAsUtc - second;
  return t;
}
