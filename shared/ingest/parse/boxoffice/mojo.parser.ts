// Box Office Mojo weekend and daily charts (the `#table` layout), columns found by header text.
import type { CheerioAPI, Cheerio } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { BoxOfficeEntry, ChartInfo } from '../../../model/boxoffice.js';
import { type ChartParseResult, type ParseInput, ParseError } from '../parse.types.js';
import { isNewMarker, parseCount, parseFlag, parseMoney, parsePercent, parseRank, textOrNull } from './cells.js';
import { findDateRange } from './period.js';
import { loadHtml, withParseBudget, type ParseLimits } from '../parse-budget.js';
import { cellText, columnOf, readTable } from './table.js';

/** The chart table: inside #table on current pages; any mojo-body-table as a fallback. */
export function findMojoTable($: CheerioAPI): Cheerio<Element> | null {
  for (const sel of ['#table table', 'table.mojo-body-table']) {
    const t = $(sel).first() as Cheerio<Element>;
    if (t.length) return t;
  }
  return null;
}

/** Parses a Box Office Mojo weekend or daily chart page. */
export async function parseMojoChart(input: ParseInput, limits?: Partial<ParseLimits>): Promise<ChartParseResult> {
  return withParseBudget(limits, () => parseMojoChartWith(loadHtml(input.body)));
}

/** Same as parseMojoChart on an already loaded page. */
export function parseMojoChartWith($: CheerioAPI): ChartParseResult {
  const table = findMojoTable($);
  if (!table) throw new ParseError('no_chart', 'no Box Office Mojo chart table (#table table) found');
  const { headers, rows } = readTable($, table);
  const warnings: string[] = [];

  const col = {
    rank: columnOf(headers, /^rank$/),
    yd: columnOf(headers, /^yd$/),
    lw: columnOf(headers, /^lw$/),
    title: columnOf(headers, /^(release|title|movie)$/),
    daily: columnOf(headers, /^daily$/),
    gross: columnOf(headers, /^(gross|weekend gross|weekly gross)$/),
    changeYd: columnOf(headers, /^%\s*±?\s*yd$/),
    changeLw: columnOf(headers, /^%\s*±?\s*lw$/),
    theaters: columnOf(headers, /^theaters$/),
    average: columnOf(headers, /^(average|avg)$/),
    total: columnOf(headers, /^(total gross|to date)$/),
    weeks: columnOf(headers, /^weeks$/),
    days: columnOf(headers, /^days$/),
    distributor: columnOf(headers, /^distributor$/),
    isNew: columnOf(headers, /^new this (week|day|weekend)$/),
    estimated: columnOf(headers, /^estimated$/),
  };
  if (col.title < 0 || (col.gross < 0 && col.daily < 0)) {
    throw new ParseError('no_chart', `Box Office Mojo table has no Release/Gross columns (headers: ${headers.join(' | ')})`);
  }

  const daily = col.daily >= 0;
  const cell = (row: Element[], i: number): string => (i >= 0 ? cellText(row[i]) : '');
  const entries: BoxOfficeEntry[] = [];
  for (const row of rows) {
    const title = cell(row, col.title);
    if (!title) continue;
    const lastCell = cell(row, daily ? col.yd : col.lw);
    const entry: BoxOfficeEntry = {
      rank: parseRank(cell(row, col.rank)),
      lastRank: parseRank(lastCell),
      title,
      distributor: textOrNull(cell(row, col.distributor)),
      gross: parseMoney(cell(row, daily ? col.daily : col.gross)),
      theaters: parseCount(cell(row, col.theaters)),
      perTheater: parseMoney(cell(row, col.average)),
      totalGross: parseMoney(cell(row, col.total)),
      weeks: col.weeks >= 0 ? parseCount(cell(row, col.weeks)) : null,
      change: parsePercent(cell(row, daily ? col.changeYd : col.changeLw)),
    };
    if (col.days >= 0) entry.days = parseCount(cell(row, col.days));
    const isNew = col.isNew >= 0 ? parseFlag(cell(row, col.isNew)) : isNewMarker(lastCell) || undefined;
    if (isNew !== undefined) entry.isNew = isNew;
    const estimated = col.estimated >= 0 ? parseFlag(cell(row, col.estimated)) : undefined;
    if (estimated !== undefined) entry.estimated = estimated;
    entries.push(entry);
  }
  if (entries.length === 0) throw new ParseError('no_chart', 'Box Office Mojo chart table has no rows');

  const chart = mojoPeriod($, daily);
  if (!chart.period.start) warnings.push('could not find the chart dates on the page');
  return { kind: 'boxoffice', chart, entries, warnings };
}

function mojoPeriod($: CheerioAPI, daily: boolean): ChartInfo {
  const h1 = $('h1').first().text().replace(/\s+/g, ' ').trim();
  const title = $('title').first().text();
  let type: ChartInfo['period']['type'] = daily ? 'daily' : 'other';
  if (!daily) {
    if (/\bweekend\b/i.test(h1) || /\bweekend\b/i.test(title)) type = 'weekend';
    else if (/\bweek(ly)?\b/i.test(h1)) type = 'weekly';
    else if (/\bdaily\b|box office for\b/i.test(h1)) type = 'daily';
  }
  // The date heading sits near the h1 (h2-h4 or a date-range span); the <title> repeats it on most pages.
  const candidates = [
    ...$('h1, h2, h3, h4, .mojo-date-range, #mojo-summary-table caption').map((_, e) => $(e).text()).get(),
    title,
  ];
  for (const text of candidates) {
    const range = findDateRange(text.replace(/\s+/g, ' '));
    if (range) return { site: 'boxofficemojo', period: { type, start: range.start, end: range.end } };
  }
  return { site: 'boxofficemojo', period: { type, start: null, end: null } };
}
