// Release: a title on the release calendar with the history of its date changes, each citing an event.
import { z } from 'zod';
import { PartialDate } from './event.js';

export const ReleaseChange = z.object({
  date: PartialDate.nullable().describe('The new date (null: taken off the calendar)'),
  previousDate: PartialDate.nullable(),
  eventId: z.string(),
  storyId: z.string(),
  at: z.string().describe('When the change was reported'),
});
export type ReleaseChange = z.infer<typeof ReleaseChange>;

export const Release = z.object({
  titleKey: z.string(),
  title: z.string(),
  distributor: z.string().nullable(),
  date: PartialDate.nullable(),
  width: z.enum(['wide', 'limited', 'streaming', 'platform']).nullable(),
  status: z.enum(['dated', 'moved', 'undated']),
  isSlate: z.boolean(),
  genres: z.array(z.string()),
  history: z.array(ReleaseChange),
  updatedAt: z.string(),
  /** Optimistic-lock counter: writes are conditional on the version read. */
  version: z.number().int(),
});
export type Release = z.infer<typeof Release>;
