// Item: one normalized article or announcement, as parsers produce it and the store keeps it.
import { z } from 'zod';

/** What a parser yields for one entry of a feed or list page, already normalized. */
export const ParsedItem = z.object({
  url: z.string().nullable().describe('Canonical absolute URL (tracking parameters and fragment removed)'),
  guid: z.string().nullable().describe('Feed-provided unique id, if any'),
  title: z.string().describe('Plain-text title; may be empty when the source gave none'),
  publishedAt: z.string().nullable().describe('ISO-8601 UTC time, or null when absent or unparseable'),
  author: z.string().nullable(),
  text: z.string().describe('Plain text of the body (HTML removed)'),
  categories: z.array(z.string()),
  hash: z.string().describe('Content hash of normalized title + text'),
});
export type ParsedItem = z.infer<typeof ParsedItem>;

/** An item as stored: a parsed item bound to its source. */
export const Item = ParsedItem.extend({
  id: z.string().describe('Stable item id derived from its identity key'),
  sourceId: z.string(),
  studio: z.string().nullable().describe('The studio the source speaks for, if any'),
  tags: z.array(z.string()),
  fetchedAt: z.string(),
  snapshotKey: z.string().nullable().describe('Object-store key of the raw response the item came from'),
});
export type Item = z.infer<typeof Item>;
