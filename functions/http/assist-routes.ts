// Routes for marketing assist and trust: counter-programming briefs (review kept), "flag as wrong" (signed links and API), audit.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { BRIEF_STATUSES } from '../../shared/model/counter-brief.js';
import { FLAG_TARGETS } from '../../shared/model/flag.js';
import type { AnswerStore } from '../../shared/ports/answer-store.js';
import type { BriefStore } from '../../shared/ports/brief-store.js';
import type { FlagStore } from '../../shared/ports/flag-store.js';
import type { EventStore } from '../../shared/ports/analysis-store.js';
import type { ItemStore } from '../../shared/ports/store.js';
import { verifyFlag } from '../../shared/feedback/flag-links.js';
import { FlagTargetNotFound, flagStats, recordFlag, recordLinkFlag } from '../../shared/feedback/record-flag.js';
import { escapeHtml } from '../../shared/util/html.js';
import { sentimentLeaders, sentimentSeries } from '../../shared/analysis/sentiment-series.js';
import { addDays, isoWeekOfDate } from '../../shared/util/week.js';
import { BadRequestError, keyIssues, validJson, validQuery } from './validation.js';

export interface AssistDeps {
  briefs: BriefStore;
  flags: FlagStore;
  answers: AnswerStore;
  analysis: Pick<EventStore, 'getEvent' | 'eventsByStudio' | 'eventsByTitle' | 'eventsByWeek'>;
  store: Pick<ItemStore, 'getItems'>;
  /** The workspace's competitors (sentiment leaders), source names and today's date (sentiment defaults). */
  sentiment?: { competitors: string[]; sourceNames: Map<string, string>; today: () => string };
  /** HMAC secret of the flag links (absent: no signed links; flags still work through the API). */
  linkSecret?: string;
  /** Plain-words audit of an event, story or item id (shared/audit), when available. */
  explain?: (id: string) => Promise<{ record: unknown; text: string } | null>;
  now: () => Date;
}

/** The `who` of flag links in a digest sent to several recipients at once. */
const SHARED = 'digest recipient';

type Env = { Variables: { requestId: string; keyId: string; keyName: string; principal: string } };

const BriefsQuery = z
  .object({ status: z.enum(BRIEF_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(2000).optional() })
  .strict();
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date YYYY-MM-DD');
export const SentimentQuery = z
  .object({
    studio: z.string().min(1).max(100).optional(),
    title: z.string().min(1).max(200).optional(),
    from: IsoDay.optional().describe('Default: 12 weeks before `to`'),
    to: IsoDay.optional().describe('Default: today in the workspace timezone'),
  })
  .strict();
export const LeadersQuery = z.object({ weeks: z.coerce.number().int().min(1).max(26).default(4), limit: z.coerce.number().int().min(1).max(10).default(3) }).strict();
export const BriefReview = z.object({ status: z.enum(BRIEF_STATUSES), note: z.string().max(1000).optional() }).strict();
export const FlagRequest = z
  .object({ target: z.object({ kind: z.enum(FLAG_TARGETS), id: z.string().min(1).max(200) }).strict(), reason: z.string().trim().min(3, 'say briefly what is wrong').max(1000) })
  .strict();

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/assets/app.css"></head><body><main><section><h1>${escapeHtml(title)}</h1>${body}</section></main></body></html>`;
}

// The assist routes read a repeated query parameter at its first value; a body must be JSON.
const query = <T extends Parameters<typeof validQuery>[0]>(schema: T) => validQuery(schema, { wording: keyIssues, repeated: 'first' });
const json = <T extends Parameters<typeof validJson>[0]>(schema: T) => validJson(schema, { notJson: 'send JSON with Content-Type: application/json', wording: keyIssues });

/** Adds the assist routes to the query app; a refused request throws BadRequestError (the app's onError answers 400). */
export function registerAssistRoutes(app: Hono<Env>, deps: AssistDeps): void {
  app.get('/v1/briefs', query(BriefsQuery), async (c) => {
    const page = await deps.briefs.listBriefs(c.req.valid('query'));
    return c.json({ briefs: page.items, cursor: page.cursor });
  });

  app.get('/v1/briefs/:id', async (c) => {
    const b = await deps.briefs.getBrief(c.req.param('id'));
    return b ? c.json(b) : c.json({ error: `no brief ${c.req.param('id')}`, requestId: c.get('requestId') }, 404);
  });

  app.post('/v1/briefs/:id/review', json(BriefReview), async (c) => {
    const review = c.req.valid('json');
    const b = await deps.briefs.reviewBrief(c.req.param('id'), { status: review.status, by: c.get('principal'), at: deps.now().toISOString(), note: review.note ?? null });
    return b ? c.json(b) : c.json({ error: `no brief ${c.req.param('id')}`, requestId: c.get('requestId') }, 404);
  });

  const tone = deps.sentiment;
  if (tone) {
    app.get('/v1/sentiment', query(SentimentQuery), async (c) => {
      const q = c.req.valid('query');
      if (!!q.studio === !!q.title) throw new BadRequestError(['give one of `studio` or `title`']);
      const to = q.to ?? tone.today();
      const from = q.from ?? addDays(to, -83);
      if (from > to) throw new BadRequestError(['`from` is after `to`']);
      if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new BadRequestError(['the range is longer than a year']);
      return c.json(await sentimentSeries({ ...deps, sourceNames: tone.sourceNames }, { studio: q.studio, title: q.title, from, to }));
    });
    app.get('/v1/sentiment/leaders', query(LeadersQuery), async (c) => {
      const q = c.req.valid('query');
      const today = tone.today();
      const toWeek = isoWeekOfDate(today);
      const fromWeek = isoWeekOfDate(addDays(today, -7 * (q.weeks - 1)));
      return c.json(await sentimentLeaders({ ...deps, sourceNames: tone.sourceNames }, { fromWeek, toWeek, limit: q.limit, competitors: tone.competitors }));
    });
  }

  app.get('/v1/flags', async (c) => {
    const flags = await deps.flags.listFlags();
    return c.json({ flags, stats: flagStats(flags) });
  });

  app.post('/v1/flags', json(FlagRequest), async (c) => {
    const { target, reason } = c.req.valid('json');
    try {
      return c.json(await recordFlag(deps, target, c.get('principal'), reason, deps.now()), 201);
    } catch (err) {
      if (err instanceof FlagTargetNotFound) return c.json({ error: err.message, requestId: c.get('requestId') }, 404);
      throw err;
    }
  });

  app.post('/v1/flags/:id/review', async (c) => {
    const f = await deps.flags.markReviewed(c.req.param('id'), deps.now().toISOString());
    return f ? c.json(f) : c.json({ error: `no flag ${c.req.param('id')}`, requestId: c.get('requestId') }, 404);
  });

  app.get('/v1/audit/:id', async (c) => {
    const id = c.req.param('id');
    if (id.startsWith('ans_')) {
      const a = await deps.answers.getAnswer(id);
      if (a) {
        const text = `Answer ${a.id} to "${a.question}" was given by ${a.analyst} on ${a.createdAt.slice(0, 16).replace('T', ' ')} UTC for key "${a.askedBy}", from ${a.citations.length} cited item${a.citations.length === 1 ? '' : 's'} and ${a.eventIds.length} event${a.eventIds.length === 1 ? '' : 's'}, at a cost of ${a.tokens} model tokens.${a.fallback ? ` The model's answer was not used (${a.fallback}); the embedded reader answered.` : ''}`;
        return c.json({ kind: 'answer', record: a, text });
      }
    } else if (id.startsWith('br_')) {
      const b = await deps.briefs.getBrief(id);
      if (b) {
        const text = `Brief ${b.id} ("${b.headline}") was drafted by the ${b.analyst.kind} ${b.analyst.version} on ${b.createdAt.slice(0, 16).replace('T', ' ')} UTC from ${b.eventIds.length} event${b.eventIds.length === 1 ? '' : 's'} and ${b.citations.length} cited item${b.citations.length === 1 ? '' : 's'}, at a cost of ${b.tokens} model tokens; status ${b.status}${b.review ? ` (by ${b.review.by} on ${b.review.at.slice(0, 10)})` : ''}.`;
        return c.json({ kind: 'brief', record: b, text });
      }
    } else if (deps.explain) {
      const e = await deps.explain(id);
      if (e) return c.json(e);
    }
    return c.json({ error: `nothing to explain for ${id}`, requestId: c.get('requestId') }, 404);
  });

  // ---- the signed link from an e-mail or Slack: no key, the signature is the permission ----
  const refused = (c: Context<Env>, reason: string) =>
    c.html(page('This link cannot be used', `<p>The flag link is ${escapeHtml(reason === 'expired' ? 'expired' : 'not valid')}. Ask for a newer digest or alert, or flag it from the web page.</p>`), 403);

  const secret = deps.linkSecret;
  if (!secret) return;

  app.get('/flag', (c) => {
    const token = c.req.query('t') ?? '';
    const check = verifyFlag(secret, token, deps.now());
    if (!check.ok) return refused(c, check.reason);
    const { kind, id } = check.claim;
    return c.html(
      page(
        'Flag as wrong',
        `<p>You are flagging ${escapeHtml(kind)} <code>${escapeHtml(id)}</code> as wrong. It will be shown to the team and left out of new briefs until someone reviews it.</p>
<form method="post" action="/flag"><input type="hidden" name="t" value="${escapeHtml(token)}">
<label for="reason">What is wrong?</label><textarea id="reason" name="reason" rows="4" cols="60" maxlength="1000" required></textarea>${
          check.claim.who === SHARED ? '<label for="who">Your e-mail (optional: the digest went to several people)</label><input id="who" name="who" type="email" maxlength="200">' : ''
        }
<p><button type="submit">Flag it</button></p></form>`,
      ),
    );
  });

  app.post('/flag', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.t === 'string' ? form.t : '';
    const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
    const check = verifyFlag(secret, token, deps.now());
    if (!check.ok) return refused(c, check.reason);
    if (reason.length < 3) return c.html(page('Flag as wrong', '<p>Please say briefly what is wrong (go back and fill in the reason).</p>'), 400);
    try {
      const given = typeof form.who === 'string' ? form.who.trim() : '';
      // A shared digest's link names no one: the person may say who they are (an address, nothing else is kept).
      const who = check.claim.who === SHARED && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(given) && given.length <= 200 ? given : check.claim.who;
      // One flag per link and person: a replayed link (clicked again, resubmitted) records nothing more.
      const { flag, created } = await recordLinkFlag(deps, token, { kind: check.claim.kind, id: check.claim.id }, who, reason, deps.now());
      if (!created) return c.html(page('Already recorded', `<p>This flag was already recorded as <code>${escapeHtml(flag.id)}</code>. The team will review it.</p>`), 200);
      return c.html(page('Thank you', `<p>Recorded as <code>${escapeHtml(flag.id)}</code>. The team will review it.</p>`), 201);
    } catch (err) {
      if (err instanceof FlagTargetNotFound) return c.html(page('Not found', `<p>${escapeHtml(err.message)} (it may have been purged).</p>`), 404);
      throw err;
    }
  });
}
