// Event: what a story means for a marketer (taxonomy, who, what, when, how much), as either analyst outputs it.
import { z } from 'zod';

export const EVENT_TYPES = [
  'release_dated',
  'release_moved',
  'trailer',
  'casting',
  'acquisition',
  'greenlight',
  'box_office',
  'festival_awards',
  'executive',
  'campaign',
  'review',
  'other',
] as const;
export const EventType = z.enum(EVENT_TYPES).describe(
  'release_dated: a title gets a release date; release_moved: a dated title moves (earlier, later, off the calendar); ' +
    'trailer: trailer, teaser, first look, poster; casting: someone joins or is in talks for a project; ' +
    'acquisition: rights bought, distribution or streaming deal; greenlight: a film/series/sequel ordered or set up; ' +
    'box_office: grosses, weekend results, openings, milestones; festival_awards: festival lineups, premieres, nominations, wins; ' +
    'executive: hires, exits, promotions, deals for executives; campaign: marketing campaign, spot, partnership, fan event; ' +
    'review: critics reviews and verdicts; other: none of these',
);
export type EventType = z.infer<typeof EventType>;

/** ISO date, year-month or year: "2027-03-12", "2027-03", "2027". */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD');

/** What a release date dates: a theatrical opening, a streamer's premiere, a network/cable premiere, a digital or home release. */
export const ReleaseKind = z
  .enum(['theatrical', 'streaming', 'tv', 'digital'])
  .describe('theatrical: opens in theaters; streaming: premieres on a streamer; tv: premieres on a network or cable channel; digital: PVOD, digital, home or disc release');
export type ReleaseKind = z.infer<typeof ReleaseKind>;

export const Money = z.object({
  amount: z.number().describe('Amount in US dollars'),
  context: z.string().describe('What the money is: "weekend gross", "deal price", "budget", ...'),
});

/** What an analyst extracts from one story (the model contract of structured output). */
export const EventExtraction = z.object({
  type: EventType,
  studios: z.array(z.string()).describe('Studios, distributors or streamers involved, canonical names'),
  titles: z.array(z.string()).describe('Film or series titles the story is about, without quotes'),
  people: z.array(z.string()).describe('People named as acting in the news (cast, executives, filmmakers)'),
  releaseDate: PartialDate.nullable().describe('The (new) release date, if the story gives one'),
  previousDate: PartialDate.nullable().describe('For a moved release: the date it moved from, if given'),
  releaseKind: ReleaseKind.nullable().optional().describe('What releaseDate dates (null when there is no releaseDate)'),
  money: z.array(Money).describe('Money amounts in the story'),
  sentiment: z.number().min(-1).max(1).describe('Tone for the titles/studios involved, -1 very negative to 1 very positive'),
  summary: z.string().describe('One sentence saying what happened, from the story only'),
});
export type EventExtraction = z.infer<typeof EventExtraction>;

export const AnalystInfo = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded'), version: z.string() }),
  z.object({ kind: z.literal('llm'), model: z.string(), promptVersion: z.string() }),
]);
export type AnalystInfo = z.infer<typeof AnalystInfo>;

/** An event as stored: an extraction bound to its story, its items and who produced it. */
export const Event = EventExtraction.extend({
  id: z.string(),
  storyId: z.string(),
  itemIds: z.array(z.string()).describe('The items the event cites'),
  publishedAt: z.string().nullable(),
  concernsCompetitor: z.boolean(),
  concernsSlate: z.boolean(),
  analyst: AnalystInfo,
  createdAt: z.string(),
  /** Model tokens (prompt + completion) spent on this event's story; 0 when embedded or cached; absent on events stored before costs were kept. */
  tokens: z.number().int().nonnegative().optional(),
});
export type Event = z.infer<typeof Event>;
