// Workspace: the user's configuration file (sources, competitors, slate, recipients, timezone).
import { z } from 'zod';
import { durationMs } from '../util/duration.js';

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and dashes (max 63 chars)');

/** Durations like "15m", "1h", "2h30m", "1d". */
export const Duration = z
  .string()
  .regex(/^(\d+d)?(\d+h)?(\d+m)?$/, 'use a duration like "15m", "1h" or "1d"')
  .refine((s) => s.length > 0, 'duration must not be empty');

/** Bounds of a source's schedule: "0m" would crawl on every planner run; past a month it is a typo. */
export const SCHEDULE_BOUNDS = { minMs: 60_000, maxMs: 30 * 24 * 60 * 60_000, text: 'a duration from 1m to 30d' } as const;

export const SourceTag = z.enum(['trade', 'competitor', 'boxoffice', 'studio', 'streaming', 'festival']);

export const HtmlSelectors = z
  .object({
    item: z.string().min(1).describe('CSS selector of one entry in the list'),
    title: z.string().min(1).describe('Selector of the title, relative to the entry'),
    link: z.string().optional().describe('Selector of the <a> whose href is the entry URL (default: first a[href])'),
    date: z.string().optional().describe('Selector of the date (a datetime attribute is preferred over text)'),
    summary: z.string().optional(),
    author: z.string().optional(),
    category: z.string().optional(),
  })
  .strict();

const SourceBase = {
  id: Id,
  name: z.string().optional().describe('Human name of the outlet or page'),
  url: z.string().min(1).describe('Absolute URL, or relative to the workspace baseUrl'),
  tags: z.array(SourceTag).default([]),
  studio: z.string().optional().describe('The studio this source speaks for (competitor newsrooms)'),
  schedule: z.object({ every: Duration }).strict().default({ every: '15m' }),
  enabled: z.boolean().default(true),
};

export const Source = z.discriminatedUnion('kind', [
  z.object({ ...SourceBase, kind: z.literal('rss') }).strict(),
  z.object({ ...SourceBase, kind: z.literal('html'), selectors: HtmlSelectors }).strict(),
  z
    .object({
      ...SourceBase,
      kind: z.literal('boxoffice'),
      layout: z.enum(['boxofficemojo', 'the-numbers']).optional().describe('Chart layout; detected when omitted'),
    })
    .strict(),
  z
    .object({ ...SourceBase, kind: z.literal('youtube') })
    .strict()
    .describe("A YouTube channel's public feed (https://www.youtube.com/feeds/videos.xml?channel_id=…): view and like counts per video"),
  z
    .object({
      ...SourceBase,
      kind: z.literal('pageviews'),
      project: z.string().regex(/^[a-z0-9.-]+$/, 'a Wikimedia project such as en.wikipedia').default('en.wikipedia'),
      days: z.number().int().min(7).max(365).default(90).describe('Days of daily page views asked for on each crawl (ending yesterday)'),
      title: z.string().min(1).optional().describe('The title the article is about (set per article; a source without it reads every interest title with an article)'),
      article: z.string().min(1).max(255).optional().describe('Article name as in its URL, e.g. "Oppenheimer_(film)"'),
    })
    .strict()
    .describe('Daily page views of Wikipedia articles (Wikimedia REST API, keyless); url is the API root, e.g. https://wikimedia.org/api/rest_v1/'),
]);
export type Source = z.infer<typeof Source>;

export const Competitor = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Competitor = z.infer<typeof Competitor>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use an ISO date YYYY-MM-DD');

export const SlateTitle = z
  .object({
    title: z.string().min(1),
    releaseDate: IsoDate,
    genres: z.array(z.string()).default([]),
    distributor: z.string().optional(),
    width: z.enum(['wide', 'limited', 'streaming', 'platform']).optional(),
  })
  .strict();
export type SlateTitle = z.infer<typeof SlateTitle>;

/** A title whose audience interest is tracked (comparables, competitors): its article and, for comps, genres and width. */
export const InterestTitle = z
  .object({
    title: z.string().min(1),
    article: z.string().min(1).max(255).optional().describe('Wikipedia article (as in its URL) whose page views the pageviews source reads'),
    genres: z.array(z.string()).default([]).describe('Genres for picking comparables (the slate and the calendar give them for their titles)'),
    width: z.enum(['wide', 'limited', 'streaming', 'platform']).optional(),
  })
  .strict();
export type InterestTitle = z.infer<typeof InterestTitle>;

export const InterestSettings = z
  .object({
    titles: z.array(InterestTitle).default([]).describe('Titles tracked beyond the slate and the calendar, with their articles'),
    horizonWeeks: z.number().int().min(1).max(26).default(8).describe('Opening forecasts for titles dated this many weeks ahead'),
    minComps: z.number().int().min(2).max(10).default(3).describe('Comparable openings with the same signal needed for a forecast'),
  })
  .strict();
export type InterestSettings = z.infer<typeof InterestSettings>;

export const AlertRules = z
  .object({
    collision: z.boolean().default(true).describe('A competitor title dated or moved into a slate weekend (±1): highest priority'),
    competitorRelease: z.boolean().default(true).describe('A competitor title dated or moved'),
    trailer: z.boolean().default(true).describe('A competitor trailer or first look'),
    acquisition: z.boolean().default(true).describe('A competitor acquisition or distribution deal'),
    greenlight: z.boolean().default(true).describe('A competitor greenlight'),
    boxOfficeSurprise: z.boolean().default(true).describe('An opening far above or below comparable openings'),
    interestOverComps: z.boolean().default(true).describe('A competitor title dated near ours whose trailer or page views run far above its comps (alerts.interest)'),
  })
  .strict();

export const AlertSettings = z
  .object({
    rules: AlertRules.prefault({}),
    burstWindowMinutes: z.number().int().min(0).max(1440).default(10).describe('Alerts this close together go out as one message'),
    maxPerRun: z.number().int().positive().default(50),
    maxAgeHours: z
      .number()
      .int()
      .positive()
      .max(24 * 90)
      .default(72)
      .describe('News older than this (by publication) does not alert, so a first run or a backfill does not flood the channel; collisions always alert'),
    interest: z
      .object({
        threshold: z.number().min(1.05).max(20).default(1.5).describe('Alert when a competitor title runs at this multiple of its comps or more (once per title and threshold)'),
        weekendsApart: z.number().int().min(0).max(8).default(2).describe('How near our date a competitor title must be dated, in weekends'),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type AlertSettings = z.infer<typeof AlertSettings>;

export const Workspace = z
  .object({
    name: z.string().min(1),
    studio: z.string().optional().describe("The team's own studio"),
    timezone: z.string().default('UTC').refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown IANA timezone'),
    baseUrl: z.string().url().optional().describe('Base for relative source URLs'),
    network: z
      .object({
        allowHosts: z
          .array(z.string())
          .default([])
          .describe('Hosts allowed even if they resolve to private/loopback addresses (the demo uses this)'),
        contact: z
          .string()
          .min(3)
          .max(200)
          .regex(/^[^\s()<>]+$/, 'an email address or a URL, without spaces')
          .optional()
          .describe("How site owners reach you (email or URL), sent in the crawler's User-Agent; Wikimedia's API policy asks for it"),
      })
      .strict()
      .default({ allowHosts: [] }),
    clock: z.string().datetime().optional().describe('Pin "now" (the demo workspace does, for reproducible runs)'),
    retentionDays: z.number().int().positive().default(180),
    sources: z.array(Source).min(1),
    competitors: z.array(Competitor).default([]),
    slate: z.array(SlateTitle).default([]),
    recipients: z.array(z.string().email()).default([]),
    slack: z.object({ channel: z.string().optional() }).strict().optional(),
    alerts: AlertSettings.prefault({}),
    interest: InterestSettings.prefault({}),
    analyst: z
      .object({
        tokenBudget: z
          .number()
          .int()
          .min(1_000)
          .max(100_000_000)
          .optional()
          .describe('Prompt + completion tokens the LLM analyst may spend in one run (a cycle; one analyze message on AWS); past it, stories go to the embedded analyst. MARQUEE_TOKEN_BUDGET overrides it; default 200000'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((ws, ctx) => {
    const seen = new Set<string>();
    ws.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
      seen.add(s.id);
      const every = s.schedule?.every;
      // A malformed duration already has its issue from the Duration schema.
      const ms = typeof every === 'string' && Duration.safeParse(every).success ? durationMs(every) : null;
      const wrong = ms === null ? null : ms < SCHEDULE_BOUNDS.minMs ? 'zero' : ms > SCHEDULE_BOUNDS.maxMs ? 'longer than 30d' : null;
      if (wrong) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'schedule', 'every'],
          message: `source "${s.id}" is scheduled every "${every}", which is ${wrong}; use ${SCHEDULE_BOUNDS.text}`,
        });
      }
      if (s.kind !== 'pageviews') return;
      if (!ws.network.contact) {
        ctx.addIssue({ code: 'custom', path: ['network', 'contact'], message: `source "${s.id}" reads the Wikimedia API, whose User-Agent policy asks for a contact: set network.contact to an email address or URL` });
      }
      if (!!s.article !== !!s.title) ctx.addIssue({ code: 'custom', path: ['sources', i], message: 'a pageviews source names both `title` and `article`, or neither (then it reads every interest title with an article)' });
      for (const x of expandPageviews(s, ws.interest.titles)) {
        if (x !== s && seen.has(x.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `source id "${x.id}" (page views of ${x.title}) is taken` });
        if (x !== s) seen.add(x.id);
      }
    });
  })
  // One source per article: each is one request with its own validators and health (the crawler's unit), while the
  // file lists the articles once, per title, under interest.titles.
  .transform((ws) => ({ ...ws, sources: ws.sources.flatMap((s): Source[] => (s.kind === 'pageviews' ? expandPageviews(s, ws.interest.titles) : [s])) }));
export type Workspace = z.infer<typeof Workspace>;

type PageviewsSource = Extract<Source, { kind: 'pageviews' }>;

/** A pageviews source without an article, expanded into one source per interest title that names an article. */
export function expandPageviews(source: PageviewsSource, titles: InterestTitle[]): PageviewsSource[] {
  if (source.article) return [source];
  return titles
    .filter((t) => t.article)
    .map((t) => {
      const slug = t.title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
      return { ...source, id: `${source.id}-${slug}`.slice(0, 63).replace(/-+$/, ''), name: `${source.name ?? 'Wikipedia page views'}: ${t.title}`, title: t.title, article: t.article! };
    });
}
