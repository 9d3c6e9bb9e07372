// Chart periods from page headings: "Nov 20-22, 2026", "Oct 30-Nov 1, 2026", "Dec 31, 2026-Jan 2, 2027", "November 25, 2026".

export interface DateRange {
  start: string;
  end: string;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DASH = '\\s*(?:-|–|—|to|through)\\s*';
// Month D[, YYYY] [- [Month] D], YYYY
const RANGE = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?(?:${DASH}(?:${MONTH}\\s+)?(\\d{1,2})(?!\\d))?,?\\s+(\\d{4})\\b`,
  'i',
);
const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function monthOf(name: string): number {
  return MONTH_INDEX[name.slice(0, 3).toLowerCase()]!;
}

function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/** Finds the first date or date range in `text`; a single date gives start === end. Null when there is none. */
export function findDateRange(text: string): DateRange | null {
  const m = RANGE.exec(text);
  if (!m) return null;
  const [, m1, d1, y1, m2, d2, y2] = m;
  const endYear = Number(y2);
  const startMonth = monthOf(m1!);
  if (!d2) {
    const day = isoDate(endYear, startMonth, Number(d1));
    return day ? { start: day, end: day } : null;
  }
  const endMonth = m2 ? monthOf(m2) : startMonth;
  // "Dec 31-Jan 2, 2027": the start is in the previous year unless it says so itself.
  const startYear = y1 ? Number(y1) : endMonth < startMonth ? endYear - 1 : endYear;
  const start = isoDate(startYear, startMonth, Number(d1));
  const end = isoDate(endYear, endMonth, Number(d2));
  if (!start || !end || start > end) return null;
  return { start, end };
}
