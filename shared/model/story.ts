// Story: a cluster of items from one or more outlets that report the same news.
import { z } from 'zod';

export const StoryMember = z.object({
  itemId: z.string(),
  sourceId: z.string(),
  title: z.string(),
  /** Start of the item's text, enough to compare rewrites. */
  lead: z.string(),
  time: z.string(),
  url: z.string().nullable(),
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
