// Counter-programming brief: what a competitor move means for one of our titles' weekends, with options marked as drafts for human review.
import { z } from 'zod';

export const BRIEF_STATUSES = ['draft', 'approved', 'dismissed'] as const;

export const BriefCitation = z.object({
  n: z.number().int(),
  itemId: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  source: z.string(),
  publishedAt: z.string().nullable(),
});

export const CounterBrief = z.object({
  id: z.string().describe('br_<hash of slate title, competitor title and competitor date>'),
  kind: z.enum(['collision']),
  slateTitle: z.string(),
  slateDate: z.string(),
  competitorTitle: z.string(),
  competitorDate: z.string(),
  distributor: z.string().nullable(),
  weekendsApart: z.number().int(),
  genreOverlap: z.array(z.string()),
  headline: z.string().describe('One line: what the brief is about'),
  whatHappened: z.array(z.object({ text: z.string(), cites: z.array(z.number().int()) })).describe('Cited sentences'),
  weekend: z.object({
    start: z.string().describe('Friday of the slate title weekend'),
    titles: z.array(z.object({ title: z.string(), distributor: z.string().nullable(), date: z.string().nullable(), width: z.string().nullable(), genres: z.array(z.string()), isSlate: z.boolean() })),
  }),
  comparables: z
    .array(z.object({ title: z.string(), distributor: z.string().nullable(), start: z.string(), gross: z.number(), theaters: z.number().nullable(), genres: z.array(z.string()) }))
    .describe('Recent openings that share a genre with our title, from the box-office series'),
  options: z.array(z.object({ key: z.enum(['hold', 'shift', 'spend', 'trailer']), title: z.string(), text: z.string(), draft: z.literal(true) })),
  interest: z.array(z.string()).optional().describe('Audience interest when drafted: their latest trailer against its comps, ours, the opening forecasts'),
  citations: z.array(BriefCitation),
  eventIds: z.array(z.string()).describe('Events the brief rests on'),
  analyst: z.object({ kind: z.enum(['embedded', 'llm']), version: z.string() }),
  tokens: z.number().int().describe('Model tokens spent on the brief (0 for the embedded template)'),
  createdAt: z.string(),
  status: z.enum(BRIEF_STATUSES),
  review: z.object({ by: z.string(), at: z.string(), note: z.string().nullable() }).nullable(),
});
export type CounterBrief = z.infer<typeof CounterBrief>;
