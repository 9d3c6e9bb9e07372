// One entry point from raw bytes (a response body or a saved `curl -i` file) to a parse result.
import { parseChartSync } from './boxoffice/chart.js';
import { decodeBody } from './decode.js';
import { detectKind } from './detect.js';
import { guessListSelectors } from './html-guess.js';
import { parseHtmlListSync, parseHtmlListWith } from './html-list.parser.js';
import { loadHtml, withParseBudget, type ParseLimits } from './parse-budget.js';
import { splitHttpResponse } from './http-response.js';
import { canonicalUrl } from './url.js';
import {
  type HtmlSelectors,
  type ParseInput,
  type ParseResult,
  type SourceKind,
  ParseError,
} from './parse.types.js';
import { parseFeed } from './rss.parser.js';

export interface ParseDocumentOptions {
  /** File name or URL, for messages. */
  name: string;
  kind?: SourceKind;
  baseUrl?: string;
  contentType?: string;
  selectors?: HtmlSelectors;
  layout?: ParseInput['layout'];
  now?: Date;
  timeZone?: string;
  /** Depth, element and time caps of an HTML or chart parse (defaults: PARSE_LIMITS). */
  limits?: Partial<ParseLimits>;
}

/**
 * Parses raw bytes: splits saved HTTP headers (their charset and Content-Location/redirect Location count), decodes,
 * detects the kind when not given, and runs the matching parser. Decode warnings come first in `warnings`.
 */
export async function parseDocument(bytes: Uint8Array, opts: ParseDocumentOptions): Promise<ParseResult> {
  const http = splitHttpResponse(bytes);
  const contentType = http.headers?.['content-type'] ?? opts.contentType;
  const headerBase = http.headers?.['content-location'] ?? http.location ?? http.headers?.location;
  const baseUrl = (headerBase && canonicalUrl(headerBase, opts.baseUrl)) || opts.baseUrl;

  const decoded = decodeBody(http.body, contentType);
  const input: ParseInput = {
    body: decoded.text,
    baseUrl,
    selectors: opts.selectors,
    layout: opts.layout,
    now: opts.now,
    timeZone: opts.timeZone,
  };

  // Detection (it may load a chart page) and every HTML and chart parse run under one budget: a
  // hostile page fails here with parse_budget instead of blocking the process.
  // A feed is parsed by rss-parser outside the budget (no DOM, no selectors).
  const markup = opts.kind === 'rss' ? 'rss' : withParseBudget(opts.limits, (): ParseResult | 'rss' => {
    const kind = opts.kind ?? detectKind(decoded.text, contentType);
    if (!kind) throw new ParseError('unknown_kind', `cannot tell what kind of ${describe(contentType)} this is: not a feed, a chart or HTML`);
    if (kind === 'rss') return 'rss';
    if (kind === 'boxoffice') return parseChartSync(input);
    if (opts.selectors) return parseHtmlListSync(input);
    const $ = loadHtml(decoded.text);
    const guessed = guessListSelectors($);
    if (!guessed) {
      throw new ParseError('unknown_kind', 'HTML page without selectors and no list of headlines (article, li with h2/h3 links) found');
    }
    const listed = parseHtmlListWith($, input, guessed);
    listed.warnings.unshift(`no selectors given; guessed item selector "${guessed.item}"`);
    return listed;
  });
  const result = markup === 'rss' ? await parseFeed(input) : markup;
  result.warnings.unshift(...decoded.warnings);
  return result;
}

function describe(contentType: string | undefined): string {
  return contentType ? `document (${contentType.split(';')[0]!.trim()})` : 'document';
}
