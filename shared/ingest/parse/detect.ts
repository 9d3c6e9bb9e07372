// Which kind of source a decoded document is: an XML feed, a box-office chart or an HTML page.
import { detectChartLayout } from './boxoffice/chart.js';
import type { SourceKind } from './parse.types.js';
import { xmlRootName } from './xml-sniff.js';

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);

/** Detects the kind of a decoded document; null when it is neither a feed, a chart nor HTML. */
export function detectKind(text: string, contentType?: string): SourceKind | null {
  const root = xmlRootName(text)?.toLowerCase() ?? null;
  if (root && FEED_ROOTS.has(root)) return 'rss';
  if (detectChartLayout(text)) return 'boxoffice';
  if (root === 'html' || /^\s*<!doctype html/i.test(text) || /<body[\s>]/i.test(text.slice(0, 1 << 16))) return 'html';
  if (contentType && /html/i.test(contentType)) return 'html';
  return null;
}
