// Item: one normalized article or announcement, as parsers produce it and the store keeps it.
// zod/mini (same `z.infer` types, tree-shakable): the store parses items on every read, and the classic
// zod API would add ~440 KB to the crawl worker's bundle (docs/deploy.md, bundle figures).
import * as z from 'zod/mini';

const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description));

/** What a parser yields for one entry of a feed or list page, already normalized. */
export const ParsedItem = z.object({
  url: described(z.nullable(z.string()), 'Canonical absolute URL (tracking parameters and fragment removed)'),
  guid: described(z.nullable(z.string()), 'Feed-provided unique id, if any'),
  title: described(z.string(), 'Plain-text title; may be empty when the source gave none'),
  publishedAt: described(z.nullable(z.string()), 'ISO-8601 UTC time, or null when absent or unparseable'),
  author: z.nullable(z.string()),
  text: described(z.string(), 'Plain text of the body (HTML removed)'),
  categories: z.array(z.string()),
  hash: described(z.string(), 'Content hash of normalized title + text'),
});
export type ParsedItem = z.infer<typeof ParsedItem>;

/** An item as stored: a parsed item bound to its source. */
export const Item = z.extend(ParsedItem, {
  id: described(z.string(), 'Stable item id derived from its identity key'),
  sourceId: z.string(),
  studio: described(z.nullable(z.string()), 'The studio the source speaks for, if any'),
  tags: z.array(z.string()),
  fetchedAt: z.string(),
  snapshotKey: described(z.nullable(z.string()), 'Object-store key of the raw response the item came from'),
});
export type Item = z.infer<typeof Item>;
