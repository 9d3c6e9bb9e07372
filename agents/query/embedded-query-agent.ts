// The embedded query agent: reads the question (no model), answers each intent from the computed facts (charts, series,
// calendar history, surprises, collisions) and writes a cited answer whose first line says what it understood.
import { addDays } from '../../shared/util/week.js';
import { parseQuestion, type ParsedQuestion } from '../../shared/query/question.js';
import type { QueryService } from '../../shared/query/query-service.js';
import type { AskResponse, EventView } from '../../shared/query/schemas.js';
import { AnswerContext, type Answer } from '../../shared/query/answers/context.js';
import { humanDate } from '../../shared/query/answers/format.js';
import { dateChangesAnswer } from '../../shared/query/answers/date-changes.js';
import { chartAnswer, genreAnswer, rankingAnswer, surprisesAnswer, titleAnswer } from '../../shared/query/answers/box-office.js';
import { calendarAnswer, sameWeekendAnswer } from '../../shared/query/answers/calendar.js';
import { activityAnswer, eventsAnswer, mentionsAnswer, nothingFound, resolveNamed, sequelAnswer } from '../../shared/query/answers/events.js';
import { interestAnswer } from '../../shared/interest/interest-answer.js';

export const EMBEDDED_QUERY_VERSION = 'embedded-query-2';

export { humanDate };

/**
 * Titles the store knows, for reading questions; refreshed at most once a minute (one refresh for concurrent askers).
 * An unchanged list stays the same array, so that what the reading builds over it (its title index) is kept.
 */
export class TitleVocabulary {
  private cached: { at: number; titles: string[] } | null = null;
  private refreshing: Promise<string[]> | null = null;
  constructor(private readonly service: QueryService, private readonly ttlMs = 60_000) {}

  async titles(): Promise<string[]> {
    const t = Date.now();
    if (this.cached && t - this.cached.at < this.ttlMs) return this.cached.titles;
    if (!this.refreshing) {
      this.refreshing = this.read(t).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async read(t: number): Promise<string[]> {
    const today = this.service.today();
    const [calendar, slate, charts, days] = await Promise.all([
      this.service.deps.analysis.releasesBetween(addDays(today, -400), addDays(today, 730)),
      this.service.deps.analysis.slateReleases(),
      this.service.charts('weekend', { limit: 8 }),
      this.service.charts('daily', { limit: 7 }),
    ]);
    const fresh = [...new Set([...calendar, ...slate].map((r) => r.title).concat([...charts, ...days].flatMap((c) => c.entries.map((e) => e.title))))];
    const before = this.cached?.titles;
    const titles = before && before.length === fresh.length && before.every((x, i) => x === fresh[i]) ? before : fresh;
    this.cached = { at: t, titles };
    return titles;
  }
}

export interface EmbeddedAgentOptions {
  /** How many events the answer text names (the rest are counted and returned). */
  maxNamed?: number;
}

/** Answers a question from the store with the embedded reading; says what it understood, and says so plainly when nothing matches. */
export async function answerEmbedded(service: QueryService, vocabulary: TitleVocabulary, question: string, options: EmbeddedAgentOptions = {}): Promise<AskResponse & { parsed: ParsedQuestion }> {
  const known = await vocabulary.titles();
  const parsed = parseQuestion(question, { workspace: service.workspace, titles: known }, service.deps.now());
  const ctx = new AnswerContext(service, parsed, known);
  const answer = await answerParsed(ctx, options);
  return { ...answer, analyst: EMBEDDED_QUERY_VERSION, parsed };
}

async function answerParsed(ctx: AnswerContext, options: EmbeddedAgentOptions): Promise<Answer> {
  const p = ctx.p;
  if (p.intent === 'sources') return sourcesAnswer(ctx);
  if (p.intent === 'interest' && ctx.service.deps.interest) {
    const understood = p.titles.length ? `Audience interest: ${p.titles.join(', ')} against comparable titles` : 'Audience interest: titles dated ahead against comparable titles';
    const a = await interestAnswer(ctx.service.deps.interest, p.titles, ctx.service.today());
    return { ...a, understood, answer: `${understood}.\n${a.answer}` };
  }
  // Names the workspace does not know: a studio or title the store holds joins the question; anything else is absent.
  if (p.named.length) {
    const { absent, sequelEvents, mentions } = await resolveNamed(ctx.service, p.named, p);
    if (absent.length) return nothingFound(ctx, absent);
    if (mentions.length && !p.studios.length && !p.titles.length) return mentionsAnswer(ctx, mentions);
    const sequel = p.named.find((n) => n.kind === 'sequel');
    if (sequel && sequelEvents.length) return sequelAnswer(ctx, sequelEvents, sequel);
  }
  switch (p.intent) {
    case 'moves':
      return dateChangesAnswer(ctx, 'move');
    case 'datings':
      // "dated in March 2027", "dated for Christmas": what the calendar holds there now.
      return p.dateField === 'new' && p.range ? calendarAnswer(ctx) : dateChangesAnswer(ctx, 'dating');
    case 'surprises':
      return surprisesAnswer(ctx);
    case 'run':
      return titleAnswer(ctx, SURPRISE_WORDS.test(p.text) ? 'surprise' : 'run');
    case 'opening':
      return titleAnswer(ctx, 'opening');
    case 'ranking':
      return rankingAnswer(ctx);
    case 'same_weekend':
      return sameWeekendAnswer(ctx);
    case 'calendar':
      return calendarAnswer(ctx);
    case 'boxoffice':
      if (p.titles.length) return titleAnswer(ctx, 'run');
      return p.genre ? genreAnswer(ctx) : chartAnswer(ctx);
    case 'activity':
      return activityAnswer(ctx);
    default:
      return eventsAnswer(ctx, options.maxNamed ?? 8);
  }
}

const SURPRISE_WORDS = /\b(surpris\w*|expectations?|breakouts?|flop\w*|overperform\w*|underperform\w*|comparables?|similar)\b/i;

async function sourcesAnswer(ctx: AnswerContext): Promise<Answer> {
  const sources = await ctx.service.sources();
  const failing = sources.filter((s) => s.status === 'failing');
  const never = sources.filter((s) => s.status === 'never_run');
  const lines: string[] = [];
  for (const s of failing) lines.push(`${s.id}: ${s.lastError ?? 'failing'} (${s.consecutiveFailures} failure${s.consecutiveFailures === 1 ? '' : 's'} in a row, last success ${s.lastSuccessAt ? humanDate(s.lastSuccessAt) : 'never'}).`);
  return ctx.done('Crawl health of every source', lines, `${sources.length - failing.length - never.length} of ${sources.length} sources are healthy${failing.length ? `; ${failing.length} failing` : ''}${never.length ? `; ${never.length} not crawled yet` : ''}.`);
}

export type { EventView };
