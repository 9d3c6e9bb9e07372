// One entry point from raw bytes (a response body or a saved `curl -i` file) to a parse result.
import { load } from 'cheerio/slim';
import { parseChart } from './boxoffice/chart.js';
import { decodeBody } from './decode.js';
import { detectKind } from './detect.js';
import { guessListSelectors } from './html-guess.js';
import { parseHtmlList, parseHtmlListWith } from './html-list.parser.js';
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

  const kind = opts.kind ?? detectKind(decoded.text, contentType);
  if (!kind) throw new ParseError('unknown_kind', `cannot tell what kind of ${describe(contentType)} this is: not a feed, a chart or HTML`);

  let result: ParseResult;
  if (kind === 'rss') result = await parseFeed(input);
  else if (kind === 'boxoffice') result = await parseChart(input);
  else if (opts.selectors) result = await parseHtmlList(input);
  else {
    const $ = load(decoded.text);
    const guessed = guessListSelectors($);
    if (!guessed) {
      throw new ParseError('unknown_kind', 'HTML page without selectors and no list of headlines (article, li with h2/h3 links) found');
    }
    result = parseHtmlListWith($, input, guessed);
    result.warnings.unshift(`no selectors given; guessed item selector "${guessed.item}"`);
  }
  result.warnings.unshift(...decoded.warnings);
  return result;
}

function describe(contentType: string | undefined): string {
  return contentType ? `document (${contentType.split(';')[0]!.trim()})` : 'document';
}
