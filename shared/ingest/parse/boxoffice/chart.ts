// Box-office chart entry point: which layout a page has, and parsing it with the matching parser.
import { load } from 'cheerio/slim';
import { type ChartParseResult, type ParseInput, ParseError } from '../parse.types.js';
import { findMojoTable, parseMojoChartWith } from './mojo.parser.js';
import { findNumbersTable, parseNumbersChartWith } from './the-numbers.parser.js';

export type ChartLayout = 'boxofficemojo' | 'the-numbers';

/** Which chart layout `html` has, from cheap markers first and the table itself second; null when neither. */
export function detectChartLayout(html: string): ChartLayout | null {
  if (html.includes('mojo-body-table') || (/boxofficemojo/i.test(html) && html.includes('id="table"'))) {
    if (findMojoTable(load(html))) return 'boxofficemojo';
  }
  if (html.includes('box_office_weekend_table') || html.includes('box_office_chart') || /the-numbers\.com|The Numbers/i.test(html)) {
    if (findNumbersTable(load(html))) return 'the-numbers';
  }
  return null;
}

/** Parses a box-office chart page with `input.layout`, or the detected layout; ParseError('no_chart') when none. */
export async function parseChart(input: ParseInput): Promise<ChartParseResult> {
  const layout = input.layout ?? detectChartLayout(input.body);
  if (!layout) throw new ParseError('no_chart', 'no Box Office Mojo or The Numbers chart table found');
  const $ = load(input.body);
  return layout === 'boxofficemojo' ? parseMojoChartWith($) : parseNumbersChartWith($);
}
