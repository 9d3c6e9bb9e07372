// The Numbers weekend chart (#box_office_weekend_table, or the Movie/Distributor/Gross table under the results heading).
import type { CheerioAPI, Cheerio } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { BoxOfficeEntry, ChartInfo } from '../../../model/boxoffice.js';
import { type ChartParseResult, type ParseInput, ParseError } from '../parse.types.js';
import { isNewMarker, parseCount, parseMoney, parsePercent, parseRank, textOrNull } from './cells.js';
import { findDateRange } from './period.js';
import { loadHtml, withParseBudget, type ParseLimits } from '../parse-budget.js';
import { cellText, columnAfter, columnOf, normalizeHeader, readTable } from './table.js';

/** The chart table: by id, else the first table whose header has Movie, Distributor and Gross. */
export function findNumbersTable($: CheerioAPI): Cheerio<Element> | null {
  const byId = $('table#box_office_weekend_table, table#box_office_chart').first() as Cheerio<Element>;
  if (byId.length) return byId;
  const tables = $('table').toArray();
  for (const t of tables) {
    const heads = $(t).find('th').map((_, th) => normalizeHeader($(th).text())).get();
    if (heads.includes('movie') && heads.includes('distributor') && heads.includes('gross')) return $(t) as Cheerio<Element>;
  }
  return null;
}

/** Parses a The Numbers weekend chart page. */
export async function parseNumbersChart(input: ParseInput, limits?: Partial<ParseLimits>): Promise<ChartParseResult> {
  return withParseBudget(limits, () => parseNumbersChartWith(loadHtml(input.body)));
}

/** Same as parseNumbersChart on an already loaded page. */
export function parseNumbersChartWith($: CheerioAPI): ChartParseResult {
  const table = findNumbersTable($);
  if (!table) throw new ParseError('no_chart', 'no The Numbers chart table found');
  const { headers, rows } = readTable($, table);
  const warnings: string[] = [];

  const title = columnOf(headers, /^(movie|title)$/);
  const gross = columnOf(headers, /^gross$/);
  const theaters = columnOf(headers, /^(thtrs\.?|theaters)$/);
  // The two rank columns carry no header text: this week's, then last week's, before the title.
  const unnamed = headers.flatMap((h, i) => (i < title && h === '' ? [i] : []));
  const col = {
    rank: unnamed[0] ?? -1,
    lastRank: unnamed[1] ?? -1,
    title,
    distributor: columnOf(headers, /^distributor$/),
    gross,
    // "Change" appears twice: after Gross it is the gross change in percent, after Thtrs. the theater-count change.
    change: columnAfter(headers, /^change$/, gross),
    theaters,
    perTheater: columnOf(headers, /^(per thtr\.?|average)$/),
    total: columnOf(headers, /^total gross$/),
    weeks: columnOf(headers, /^(week\.?|weeks|days)$/),
  };
  if (title < 0 || gross < 0) {
    throw new ParseError('no_chart', `The Numbers table has no Movie/Gross columns (headers: ${headers.join(' | ')})`);
  }

  const cell = (row: Element[], i: number): string => (i >= 0 ? cellText(row[i]) : '');
  const entries: BoxOfficeEntry[] = [];
  for (const row of rows) {
    const name = cell(row, col.title);
    if (!name || /^totals?\b/i.test(name)) continue;
    const last = cell(row, col.lastRank);
    entries.push({
      rank: parseRank(cell(row, col.rank)),
      lastRank: parseRank(last),
      title: name,
      distributor: textOrNull(cell(row, col.distributor)),
      gross: parseMoney(cell(row, col.gross)),
      theaters: parseCount(cell(row, col.theaters)),
      perTheater: parseMoney(cell(row, col.perTheater)),
      totalGross: parseMoney(cell(row, col.total)),
      weeks: parseCount(cell(row, col.weeks)),
      change: parsePercent(cell(row, col.change)),
      isNew: isNewMarker(last),
    });
  }
  if (entries.length === 0) throw new ParseError('no_chart', 'The Numbers chart table has no rows');

  const chart = numbersPeriod($);
  if (!chart.period.start) warnings.push('could not find the chart dates on the page');
  return { kind: 'boxoffice', chart, entries, warnings };
}

function numbersPeriod($: CheerioAPI): ChartInfo {
  const texts = [...$('h1, h2, h3').map((_, e) => $(e).text()).get(), $('title').first().text()];
  const heading = texts.find((t) => /box office/i.test(t) && findDateRange(t.replace(/\s+/g, ' '))) ?? texts.find((t) => findDateRange(t));
  const type: ChartInfo['period']['type'] = /weekend/i.test(heading ?? texts.join(' ')) ? 'weekend' : /daily/i.test(heading ?? '') ? 'daily' : /weekly/i.test(heading ?? '') ? 'weekly' : 'other';
  const range = heading ? findDateRange(heading.replace(/\s+/g, ' ')) : null;
  return { site: 'the-numbers', period: { type, start: range?.start ?? null, end: range?.end ?? null } };
}
