// The query API's contract: one zod schema per input and output, also the source of /openapi.json and the agent's tool inputs.
import { z } from 'zod';
import { EVENT_TYPES } from '../model/event.js';

const DateOrTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'use a date YYYY-MM-DD or an ISO date-time');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date YYYY-MM-DD');

export const Citation = z.object({
  n: z.number().int().describe('Citation number as used in the answer text: [n]'),
  itemId: z.string().nullable().describe('Stored item id, or null for a chart page'),
  url: z.string().nullable(),
  title: z.string(),
  source: z.string().describe('Outlet or source name'),
  publishedAt: z.string().nullable(),
});
export type Citation = z.infer<typeof Citation>;

export const EventView = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  summary: z.string(),
  studios: z.array(z.string()),
  titles: z.array(z.string()),
  people: z.array(z.string()),
  releaseDate: z.string().nullable(),
  previousDate: z.string().nullable(),
  publishedAt: z.string().nullable(),
  concernsCompetitor: z.boolean(),
  concernsSlate: z.boolean(),
  sources: z.array(z.object({ title: z.string(), url: z.string().nullable(), source: z.string() })).describe('The items the event rests on'),
});
export type EventView = z.infer<typeof EventView>;

export const EventsQuery = z
  .object({
    studio: z.string().min(1).max(100).optional().describe('Studio, distributor or streamer (a competitor alias works)'),
    title: z.string().min(1).max(200).optional().describe('Film or series title'),
    type: z.enum(EVENT_TYPES).optional().describe('Event type'),
    from: DateOrTime.optional().describe('Published on or after (default: 12 weeks before `to`)'),
    to: DateOrTime.optional().describe('Published on or before (default: now)'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(2000).optional().describe('Opaque cursor from the previous page'),
  })
  .strict();
export type EventsQuery = z.infer<typeof EventsQuery>;

export const EventsPage = z.object({ events: z.array(EventView), cursor: z.string().nullable() });
export type EventsPage = z.infer<typeof EventsPage>;

export const ReleasesQuery = z
  .object({
    from: IsoDate.optional().describe('First date (default: today in the workspace timezone)'),
    to: IsoDate.optional().describe('Last date (default: 12 weeks after `from`; at most 400 days after it)'),
  })
  .strict();

export const ReleaseView = z.object({
  title: z.string(),
  distributor: z.string().nullable(),
  date: z.string().nullable(),
  previousDate: z.string().nullable(),
  width: z.string().nullable(),
  status: z.string(),
  isSlate: z.boolean(),
  genres: z.array(z.string()),
  changes: z.number().int().describe('How many date changes were reported'),
});
export const CollisionView = z.object({
  slateTitle: z.string(),
  slateDate: z.string(),
  competitorTitle: z.string(),
  competitorDate: z.string(),
  distributor: z.string().nullable(),
  weekendsApart: z.number().int(),
  genreOverlap: z.array(z.string()),
  eventId: z.string().nullable(),
});
export const ReleasesResult = z.object({ from: z.string(), to: z.string(), releases: z.array(ReleaseView), collisions: z.array(CollisionView) });
export type ReleasesResult = z.infer<typeof ReleasesResult>;

export const BoxOfficeQuery = z
  .object({
    period: z
      .union([z.literal('latest'), IsoDate])
      .optional()
      .describe('"latest" or the start date of a weekend (default: latest when no title or genre is given)'),
    title: z.string().min(1).max(200).optional().describe("One title's weekend run"),
    genre: z.string().min(1).max(40).optional().describe("A genre's weekend grosses (e.g. horror)"),
    weekends: z.coerce.number().int().min(1).max(26).default(4).describe('How many recent weekends for a genre'),
  })
  .strict();
export type BoxOfficeQuery = z.infer<typeof BoxOfficeQuery>;

export const ChartRow = z.object({
  rank: z.number().nullable(),
  title: z.string(),
  distributor: z.string().nullable(),
  gross: z.number().nullable(),
  change: z.number().nullable().describe('Percent change against the previous weekend'),
  theaters: z.number().nullable(),
  perTheater: z.number().nullable(),
  totalGross: z.number().nullable(),
  weeks: z.number().nullable(),
});
export const BoxOfficeResult = z.object({
  kind: z.enum(['chart', 'title', 'genre']),
  period: z.object({ start: z.string().nullable(), end: z.string().nullable() }).nullable(),
  rows: z.array(ChartRow).describe('chart: the weekend chart; title: one row per weekend, oldest first'),
  genre: z
    .object({
      name: z.string(),
      weekends: z.array(z.object({ start: z.string(), gross: z.number(), share: z.number(), titles: z.array(z.string()) })),
    })
    .nullable(),
  citations: z.array(Citation),
});
export type BoxOfficeResult = z.infer<typeof BoxOfficeResult>;

export const SourceHealth = z.object({
  id: z.string(),
  kind: z.string(),
  url: z.string(),
  status: z.enum(['ok', 'failing', 'never_run']),
  lastStatus: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  lastError: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  itemsTotal: z.number().int(),
});
export const SourcesResult = z.object({ sources: z.array(SourceHealth) });

export const AskRequest = z
  .object({ question: z.string().trim().min(3, 'ask a question of at least 3 characters').max(500, 'keep the question under 500 characters') })
  .strict();
export const AskResponse = z.object({
  answer: z.string().describe('Plain text; [n] marks cite `citations[n-1]`'),
  citations: z.array(Citation),
  events: z.array(EventView),
  analyst: z.string().describe('Who answered: the embedded query parser or model name'),
  understood: z.string().optional().describe('What the reader understood the question to ask (intent, subject, time window)'),
  fallback: z.string().optional().describe('Why the model did not answer and the embedded reader did, when that happened'),
  tokens: z.number().int().optional().describe('Model tokens spent on the answer (0 or absent for the embedded reader)'),
  id: z.string().optional().describe('Answer id for GET /v1/audit/{id}'),
  flagUrl: z.string().optional().describe('Signed, expiring link to flag the answer as wrong'),
});
export type AskResponse = z.infer<typeof AskResponse>;

export const DigestView = z.object({ week: z.string(), subject: z.string(), sentAt: z.string(), brief: z.record(z.string(), z.unknown()) });

export const ErrorBody = z.object({ error: z.string(), requestId: z.string().optional(), issues: z.array(z.string()).optional() });
