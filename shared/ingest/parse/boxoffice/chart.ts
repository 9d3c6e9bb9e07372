// Box-office chart entry point: which layout a page has, and parsing it with the matching parser.
import { type ChartParseResult, type ParseInput, ParseError } from '../parse.types.js';
import { loadHtml, withParseBudget, type ParseLimits } from '../parse-budget.js';
import { findMojoTable, parseMojoChartWith } from './mojo.parser.js';
import { findNumbersTable, parseNumbersChartWith } from './the-numbers.parser.js';

export type ChartLayout = 'boxofficemojo' | 'the-numbers';

/** Which chart layout `html` has, from cheap markers first and the table itself second; null when neither. */
export function detectChartLayout(html: string): ChartLayout | null {
  if (html.includes('mojo-body-table') || (/boxofficemojo/i.test(html) && html.includes('id="table"'))) {
    if (findMojoTable(loadHtml(html))) return 'boxofficemojo';
  }
  if (html.includes('box_office_weekend_table') || html.includes('box_office_chart') || /the-numbers\.com|The Numbers/i.test(html)) {
    if (findNumbersTable(loadHtml(html))) return 'the-numbers';
  }
  return null;
}

/** Parses a box-office chart page with `input.layout`, or the detected layout; ParseError('no_chart') when none. */
export async function parseChart(input: ParseInput, limits?: Partial<ParseLimits>): Promise<ChartParseResult> {
  return withParseBudget(limits, () => parseChartSync(input));
}

/** parseChart without its own budget: for a caller already inside one. */
export function parseChartSync(input: ParseInput): ChartParseResult {
  const layout = input.layout ?? detectChartLayout(input.body);
  if (!layout) throw new ParseError('no_chart', 'no Box Office Mojo or The Numbers chart table found');
  const $ = loadHtml(input.body);
  return layout === 'boxofficemojo' ? parseMojoChartWith($) : parseNumbersChartWith($);
}
