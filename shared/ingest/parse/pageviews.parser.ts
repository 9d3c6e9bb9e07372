// Wikimedia REST API per-article page views (/metrics/pageviews/per-article/{project}/{access}/{agent}/{article}/daily/…)
// to one point per day. Problem responses ({"type","title","detail"}) become a ParseError with their detail.
import type { PageviewPoint, PageviewSeriesInfo } from '../../model/interest.js';
import { ParseError, type PageviewsParseResult, type ParseInput } from './parse.types.js';

type Raw = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** "2026112500" (YYYYMMDDHH) → "2026-11-25"; null when it is not a real day. */
function dayOf(timestamp: unknown): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})?$/.exec(String(timestamp ?? ''));
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** A one-line description of a Wikimedia problem body, e.g. `Not Found: The date(s) you used are valid, but …`. */
function problem(body: Raw): string {
  const title = str(body.title) ?? 'error';
  const detail = str(body.detail);
  const status = typeof body.status === 'number' ? ` (HTTP ${body.status})` : '';
  return `Wikimedia answered "${title}"${status}${detail ? `: ${detail.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`;
}

/**
 * Parses a daily per-article page-view response. An empty `items` list is an empty series (a warning, not an error);
 * a problem body, another granularity or items that are not page views are errors. Points come out oldest first,
 * one per day (a day given twice keeps its last value).
 */
export function parsePageviews(input: ParseInput): PageviewsParseResult {
  const text = input.body.replace(/^\uFEFF/, '').trim();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const what = /^</.test(text) ? 'markup' : text ? 'text that is not JSON' : 'an empty body';
    throw new ParseError('not_a_feed', `expected Wikimedia page-view JSON, got ${what}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ParseError('not_a_feed', 'expected a JSON object with "items"');
  const obj = body as Raw;
  if (!Array.isArray(obj.items)) {
    if (str(obj.title) || str(obj.detail)) throw new ParseError('api_error', problem(obj));
    throw new ParseError('not_a_feed', 'expected a JSON object with an "items" list of daily page views');
  }
  const warnings: string[] = [];
  const byDay = new Map<string, number>();
  let series: PageviewSeriesInfo | null = null;
  let bad = 0;
  let otherArticle = 0;
  for (const raw of obj.items as unknown[]) {
    const it = (raw && typeof raw === 'object' ? raw : {}) as Raw;
    const granularity = str(it.granularity);
    if (granularity && granularity !== 'daily') throw new ParseError('unknown_kind', `${granularity} page views: ask the API for the daily granularity`);
    const article = str(it.article);
    if (article === null && str(it.project) === null) {
      bad++;
      continue;
    }
    series ??= { project: str(it.project) ?? '', article: article ?? '', access: str(it.access) ?? 'all-access', agent: str(it.agent) ?? 'user' };
    if (article !== series.article) {
      otherArticle++;
      continue;
    }
    const date = dayOf(it.timestamp);
    const views = it.views;
    if (!date || typeof views !== 'number' || !Number.isInteger(views) || views < 0) {
      bad++;
      continue;
    }
    byDay.set(date, views);
  }
  if (bad) warnings.push(`${bad} item${bad === 1 ? '' : 's'} without a valid day or view count skipped`);
  if (otherArticle) warnings.push(`${otherArticle} item${otherArticle === 1 ? '' : 's'} of another article skipped (one article per response)`);
  const points: PageviewPoint[] = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, views]) => ({ date, views }));
  if (points.length === 0) warnings.push('no daily page views in the response');
  return { kind: 'pageviews', series, points, warnings };
}
