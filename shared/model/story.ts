// Story: a cluster of items from one or more outlets that report the same news.
import { z } from 'zod';

/** What clustering compares, kept with the member so later runs never recompute it (see analysis/cluster.ts). */
export const MemberFeatures = z.object({
  /** Content words, space-separated (one string: a fraction of the bytes of a list, written and read). */
  tokens: z.string(),
  titles: z.array(z.string()),
  figures: z.array(z.string()),
  hint: z.object({ type: z.string(), titles: z.array(z.string()), people: z.array(z.string()).optional() }).optional(),
});

export const StoryMember = z.object({
  itemId: z.string(),
  sourceId: z.string(),
  title: z.string(),
  /** Start of the item's text, enough to compare rewrites. */
  lead: z.string(),
  time: z.string(),
  url: z.string().nullable(),
  /** Clustering features (absent on stories stored before they were kept: computed when read). */
  features: MemberFeatures.optional(),
});
export type StoryMember = z.infer<typeof StoryMember>;

export const Story = z.object({
  id: z.string(),
  title: z.string(),
  leadItemId: z.string(),
  members: z.array(StoryMember).min(1),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  eventId: z.string().nullable(),
  analyzedAt: z.string().nullable(),
});
export type Story = z.infer<typeof Story>;

/** At most this many members are kept on a story (later copies only add to "also in"). */
export const MAX_STORY_MEMBERS = 25;
