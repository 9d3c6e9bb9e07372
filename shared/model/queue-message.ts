// The queue messages, one zod schema each (zod/mini: these are parsed in the crawl worker, whose bundle stays small).
import * as z from 'zod/mini';

const NON_EMPTY = 'expected a non-empty string';
const id = () => z.string({ error: NON_EMPTY }).check(z.minLength(1, NON_EMPTY));

/** What the crawl queue receives from planCrawl: one source to crawl, in a crawl round (a message sent by hand may have none). */
export const CrawlMessage = z.object({ sourceId: id(), roundId: z.optional(id()) });
export type CrawlMessage = z.infer<typeof CrawlMessage>;

/** What the analysis queue receives from crawlAndHandOff: a source's new items (at most ITEM_IDS_PER_MESSAGE). */
export const AnalyzeMessage = z.object({
  sourceId: id(),
  itemIds: z
    .array(z.string({ error: 'expected item ids' }).check(z.minLength(1, 'expected item ids')), { error: 'expected a non-empty list of item ids' })
    .check(z.minLength(1, 'expected a non-empty list of item ids')),
});
export type AnalyzeMessage = z.infer<typeof AnalyzeMessage>;

/**
 * What the analysis queue receives when a crawl round is complete (or stuck, from the planner): analyze everything
 * pending, in time order, as the local cycle does. `continued` counts the messages a long analysis handed itself on.
 */
export const AnalyzeRoundMessage = z.object({ roundId: id(), continued: z.optional(z.int({ error: 'expected a whole number' }).check(z.nonnegative('expected a whole number, 0 or more'))) });
export type AnalyzeRoundMessage = z.infer<typeof AnalyzeRoundMessage>;

/**
 * Parses a message body with its schema; the reason names the first bad key, one line
 * ("body is not JSON", "sourceId: expected a non-empty string").
 */
export function parseMessageBody<T>(schema: z.ZodMiniType<T>, body: string): { ok: true; value: T } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'body is not a JSON object' };
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, reason: `${issue.path.join('.') || '(body)'}: ${issue.message}` };
}
