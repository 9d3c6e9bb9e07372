// Workspace: the user's configuration file (sources, competitors, slate, recipients, timezone).
// zod/mini: the same schema validates the file at synth and in the CLI, and the deployed value in every Lambda
// (the crawl worker's bundle stays small); English messages are registered here as classic zod does.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { durationMs } from '../util/duration.js';

if (!z.config().localeError) z.config(en());

const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description));
const int = () => z.number().check(z.int());

const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and dashes (max 63 chars)'));

/** Durations like "15m", "1h", "2h30m", "1d". */
export const Duration = z
  .string()
  .check(
    z.regex(/^(\d+d)?(\d+h)?(\d+m)?$/, 'use a duration like "15m", "1h" or "1d"'),
    z.refine((s) => s.length > 0, 'duration must not be empty'),
  );

/** Bounds of a source's schedule: "0m" would crawl on every planner run; past a month it is a typo. */
export const SCHEDULE_BOUNDS = { minMs: 60_000, maxMs: 30 * 24 * 60 * 60_000, text: 'a duration from 1m to 30d' } as const;

export const SourceTag = z.enum(['trade', 'competitor', 'boxoffice', 'studio', 'streaming', 'festival']);

export const HtmlSelectors = z.strictObject({
  item: described(z.string().check(z.minLength(1)), 'CSS selector of one entry in the list'),
  title: described(z.string().check(z.minLength(1)), 'Selector of the title, relative to the entry'),
  link: described(z.optional(z.string()), 'Selector of the <a> whose href is the entry URL (default: first a[href])'),
  date: described(z.optional(z.string()), 'Selector of the date (a datetime attribute is preferred over text)'),
  summary: z.optional(z.string()),
  author: z.optional(z.string()),
  category: z.optional(z.string()),
});

const SourceBase = {
  id: Id,
  name: described(z.optional(z.string()), 'Human name of the outlet or page'),
  url: described(z.string().check(z.minLength(1)), 'Absolute URL, or relative to the workspace baseUrl'),
  tags: z._default(z.array(SourceTag), []),
  studio: described(z.optional(z.string()), 'The studio this source speaks for (competitor newsrooms)'),
  schedule: z._default(z.strictObject({ every: Duration }), { every: '15m' }),
  enabled: z._default(z.boolean(), true),
};

export const Source = z.discriminatedUnion('kind', [
  z.strictObject({ ...SourceBase, kind: z.literal('rss') }),
  z.strictObject({ ...SourceBase, kind: z.literal('html'), selectors: HtmlSelectors }),
  z.strictObject({
    ...SourceBase,
    kind: z.literal('boxoffice'),
    layout: described(z.optional(z.enum(['boxofficemojo', 'the-numbers'])), 'Chart layout; detected when omitted'),
  }),
  described(
    z.strictObject({ ...SourceBase, kind: z.literal('youtube') }),
    "A YouTube channel's public feed (https://www.youtube.com/feeds/videos.xml?channel_id=…): view and like counts per video",
  ),
  described(
    z.strictObject({
      ...SourceBase,
      kind: z.literal('pageviews'),
      project: z._default(z.string().check(z.regex(/^[a-z0-9.-]+$/, 'a Wikimedia project such as en.wikipedia')), 'en.wikipedia'),
      days: described(z._default(int().check(z.minimum(7), z.maximum(365)), 90), 'Days of daily page views asked for on each crawl (ending yesterday)'),
      title: described(
        z.optional(z.string().check(z.minLength(1))),
        'The title the article is about (set per article; a source without it reads every interest title with an article)',
      ),
      article: described(z.optional(z.string().check(z.minLength(1), z.maxLength(255))), 'Article name as in its URL, e.g. "Oppenheimer_(film)"'),
    }),
    'Daily page views of Wikipedia articles (Wikimedia REST API, keyless); url is the API root, e.g. https://wikimedia.org/api/rest_v1/',
  ),
]);
export type Source = z.infer<typeof Source>;

export const Competitor = z.strictObject({
  name: z.string().check(z.minLength(1)),
  aliases: z._default(z.array(z.string().check(z.minLength(1))), []),
});
export type Competitor = z.infer<typeof Competitor>;

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use an ISO date YYYY-MM-DD'));
const Width = z.enum(['wide', 'limited', 'streaming', 'platform']);

export const SlateTitle = z.strictObject({
  title: z.string().check(z.minLength(1)),
  releaseDate: IsoDate,
  genres: z._default(z.array(z.string()), []),
  distributor: z.optional(z.string()),
  width: z.optional(Width),
});
export type SlateTitle = z.infer<typeof SlateTitle>;

/** A title whose audience interest is tracked (comparables, competitors): its article and, for comps, genres and width. */
export const InterestTitle = z.strictObject({
  title: z.string().check(z.minLength(1)),
  article: described(z.optional(z.string().check(z.minLength(1), z.maxLength(255))), 'Wikipedia article (as in its URL) whose page views the pageviews source reads'),
  genres: described(z._default(z.array(z.string()), []), 'Genres for picking comparables (the slate and the calendar give them for their titles)'),
  width: z.optional(Width),
});
export type InterestTitle = z.infer<typeof InterestTitle>;

export const InterestSettings = z.strictObject({
  titles: described(z._default(z.array(InterestTitle), []), 'Titles tracked beyond the slate and the calendar, with their articles'),
  horizonWeeks: described(z._default(int().check(z.minimum(1), z.maximum(26)), 8), 'Opening forecasts for titles dated this many weeks ahead'),
  minComps: described(z._default(int().check(z.minimum(2), z.maximum(10)), 3), 'Comparable openings with the same signal needed for a forecast'),
});
export type InterestSettings = z.infer<typeof InterestSettings>;

const rule = (description: string) => described(z._default(z.boolean(), true), description);

export const AlertRules = z.strictObject({
  collision: rule('A competitor title dated or moved into a slate weekend (±1): highest priority'),
  competitorRelease: rule('A competitor title dated or moved'),
  trailer: rule('A competitor trailer or first look'),
  acquisition: rule('A competitor acquisition or distribution deal'),
  greenlight: rule('A competitor greenlight'),
  boxOfficeSurprise: rule('An opening far above or below comparable openings'),
  interestOverComps: rule('A competitor title dated near ours whose trailer or page views run far above its comps (alerts.interest)'),
});

export const AlertSettings = z.strictObject({
  rules: z.prefault(AlertRules, {}),
  burstWindowMinutes: described(z._default(int().check(z.minimum(0), z.maximum(1440)), 10), 'Alerts this close together go out as one message'),
  maxPerRun: z._default(int().check(z.positive()), 50),
  maxAgeHours: described(
    z._default(int().check(z.positive(), z.maximum(24 * 90)), 72),
    'News older than this (by publication) does not alert, so a first run or a backfill does not flood the channel; collisions always alert',
  ),
  interest: z.prefault(
    z.strictObject({
      threshold: described(
        z._default(z.number().check(z.minimum(1.05), z.maximum(20)), 1.5),
        'Alert when a competitor title runs at this multiple of its comps or more (once per title and threshold)',
      ),
      weekendsApart: described(z._default(int().check(z.minimum(0), z.maximum(8)), 2), 'How near our date a competitor title must be dated, in weekends'),
    }),
    {},
  ),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

const Timezone = z._default(z.string(), 'UTC').check(
  z.refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA timezone'),
);

const WorkspaceFields = z
  .strictObject({
    name: z.string().check(z.minLength(1)),
    studio: described(z.optional(z.string()), "The team's own studio"),
    timezone: Timezone,
    baseUrl: described(z.optional(z.url()), 'Base for relative source URLs'),
    network: z._default(
      z.strictObject({
        allowHosts: described(
          z._default(z.array(z.string()), []),
          'Hosts allowed even if they resolve to private/loopback addresses (the demo uses this)',
        ),
        contact: described(
          z.optional(z.string().check(z.minLength(3), z.maxLength(200), z.regex(/^[^\s()<>]+$/, 'an email address or a URL, without spaces'))),
          "How site owners reach you (email or URL), sent in the crawler's User-Agent; Wikimedia's API policy asks for it",
        ),
      }),
      { allowHosts: [] },
    ),
    clock: described(z.optional(z.iso.datetime()), 'Pin "now" (the demo workspace does, for reproducible runs)'),
    retentionDays: z._default(int().check(z.positive()), 180),
    sources: z.array(Source).check(z.minLength(1)),
    competitors: z._default(z.array(Competitor), []),
    slate: z._default(z.array(SlateTitle), []),
    recipients: z._default(z.array(z.email()), []),
    slack: z.optional(z.strictObject({ channel: z.optional(z.string()) })),
    alerts: z.prefault(AlertSettings, {}),
    interest: z.prefault(InterestSettings, {}),
    analyst: z.optional(
      z.strictObject({
        tokenBudget: described(
          z.optional(int().check(z.minimum(1_000), z.maximum(100_000_000))),
          'Prompt + completion tokens the LLM analyst may spend in one run (a cycle; one analyze message on AWS); past it, stories go to the embedded analyst. MARQUEE_TOKEN_BUDGET overrides it; default 200000',
        ),
      }),
    ),
  })
  .check(
    z.superRefine((ws, ctx) => {
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
    }),
  );

// One source per article: each is one request with its own validators and health (the crawler's unit), while the
// file lists the articles once, per title, under interest.titles.
export const Workspace = z.pipe(
  WorkspaceFields,
  z.transform((ws: z.output<typeof WorkspaceFields>) => ({ ...ws, sources: ws.sources.flatMap((s): Source[] => (s.kind === 'pageviews' ? expandPageviews(s, ws.interest.titles) : [s])) })),
);
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
