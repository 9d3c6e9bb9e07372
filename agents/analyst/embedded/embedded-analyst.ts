// The embedded analyst: a model-free, rule-based EventExtraction for one story (synchronous, thousands per second).
import type { EventExtraction } from '../../../shared/model/event.js';
import { dateBounds } from '../../../shared/query/release-changes.js';
import type { Competitor, SlateTitle } from '../../../shared/model/workspace.js';
import { classify, STUDIO_MASK, TITLE_MASK } from './classify.js';
import { extractReleaseDates, FUTURE_YEAR_NAMES, POSSESSIVE_DATE, WRITTEN_DAY } from './dates.js';
import { extractMoney, type MoneyAmount } from './money.js';
import { extractPeople, headlineSubject } from './people.js';
import { sentimentScore } from './sentiment.js';
import { buildStudioDirectory, findStudioMentions, matchStudios, reportedNames } from './studios.js';
import { releaseKindOf } from './release-kind.js';
import { summarize } from './summary.js';
import { stripSiteSuffix } from './site-suffix.js';
import { urlSections } from './url-section.js';
import { isInstructionLike, normalizeText, splitSentences, type Span } from './text.js';
import { buildKnownTitles, extractTitles, type TitleResult } from './titles.js';
import { unpackTypeModel, type PackedTypeModel, type TypeEvidence, type TypeModelData } from './type-model.js';
import TYPE_MODEL_WEIGHTS from './type-model.weights.json' with { type: 'json' };
import DATE_MODEL_WEIGHTS from './date-model.weights.json' with { type: 'json' };
import { dateCandidates, pickDate, type DateCandidate, type DateModelData } from './date-model.js';

/** The shipped event-type model (`npm run train:analyst` writes it). */
export const DEFAULT_TYPE_MODEL: TypeModelData | null = (TYPE_MODEL_WEIGHTS as unknown as PackedTypeModel).types?.length ? unpackTypeModel(TYPE_MODEL_WEIGHTS as unknown as PackedTypeModel) : null;

/** The shipped release-date model (`npm run train:analyst` writes it beside the type model). */
const SHIPPED_DATE_MODEL = DATE_MODEL_WEIGHTS as unknown as DateModelData;
export const DEFAULT_DATE_MODEL: DateModelData | null = SHIPPED_DATE_MODEL.weights ? SHIPPED_DATE_MODEL : null;

export const EMBEDDED_ANALYST_VERSION = 'rules-2';

/** What the analyst knows besides the story: the workspace's competitors and slate, titles known to the store. */
export interface EmbeddedAnalystContext {
  competitors: Competitor[];
  slate: SlateTitle[];
  knownTitles?: string[];
  /** Reference time for stories without a publication time (default: the current time). */
  now?: () => Date;
  /** The event-type model: the shipped weights by default; `null` for the keyword rules alone. */
  typeModel?: TypeModelData | null;
  /** The release-date model read where the date rules find no date: the shipped weights by default; `null` for the rules alone. */
  dateModel?: DateModelData | null;
}

/** One story as the embedded analyst reads it. */
export interface EmbeddedStory {
  title: string;
  text: string;
  publishedAt: string | null;
  url?: string | null;
}

export interface EmbeddedAnalyst {
  readonly info: { kind: 'embedded'; version: string };
  /** Extracts the event of one story. Article text is only ever data: nothing in it changes what the rules do. */
  extract(story: EmbeddedStory): EventExtraction;
  /** The extraction with the evidence behind it: per-type scores and the masked text the classifier read. */
  explain(story: EmbeddedStory): EmbeddedExplanation;
}

export interface EmbeddedExplanation {
  extraction: EventExtraction;
  scores: Record<string, number>;
  masked: string;
  evidence: TypeEvidence;
  /** The date phrases the release-date model reads, with their features (training and audit). */
  dateCandidates: DateCandidate[];
  /** Whether the date model is asked: the rules found no date, and none was dropped on purpose. */
  dateAsked: boolean;
  /** Where the release date came from: the rules, the date model (with its probability), or none. */
  dateSource: { by: 'rules' | 'none' } | { by: 'model'; p: number };
}

// A quote of two words or more left in the masked headline (titles are masked): speech ("Brian Cox: Logan Roy Would
// 'Hate Me'", "Kelley "Vowed" Not To Work With …"), the mark of interviews and features.
const QUOTED_SPEECH = /(?:^|[\s:(—–-])(["'])[\p{Lu}\p{N}][^\n]*?\s[^\n]*?\1(?=[\s,.!?:;)]|$)/u;

// Trade stories are inverted pyramids: the lead (first paragraphs) carries the news; later paragraphs add comparisons
// and background that cost time and add noise (a studio named in passing is not involved). About 2,000 characters.
const MAX_BODY_CHARS = 2000;
const MAX_MONEY = 8;

/**
 * Creates the embedded analyst for a workspace. The studio directory and known-title matcher are compiled once here,
 * so `extract` is cheap; it is synchronous, deterministic for a given story (and clock, for undated stories).
 */
export function createEmbeddedAnalyst(ctx: EmbeddedAnalystContext): EmbeddedAnalyst {
  const directory = buildStudioDirectory(ctx.competitors ?? []);
  const known = buildKnownTitles([...(ctx.slate ?? []).map((s) => s.title), ...(ctx.knownTitles ?? [])]);
  const now = ctx.now ?? (() => new Date());
  const model = ctx.typeModel === undefined ? DEFAULT_TYPE_MODEL : ctx.typeModel;
  const dateModel = ctx.dateModel === undefined ? DEFAULT_DATE_MODEL : ctx.dateModel;
  // The slate knows who releases each of the team's titles; a story about one involves its distributor.
  const distributorOf = new Map<string, string>();
  for (const s of ctx.slate ?? []) {
    if (!s.distributor) continue;
    distributorOf.set(s.title.toLowerCase(), matchStudios(s.distributor, directory)[0] ?? s.distributor);
  }
  const info = { kind: 'embedded' as const, version: EMBEDDED_ANALYST_VERSION };

  function run(story: EmbeddedStory, withCandidates = false): EmbeddedExplanation {
    let headline = stripSiteSuffix(normalizeText(story.title ?? ''), story.url);
    if (isInstructionLike(headline)) headline = '';
    const rawBody = (story.text ?? '').slice(0, MAX_BODY_CHARS + 600);
    // Instruction-like sentences are dropped; the whole body is tested once, sentences only when it matches.
    const suspicious = isInstructionLike(rawBody);
    const bodySentences: string[] = [];
    let bodyLength = 0;
    lines: for (const line of rawBody.split(/\n+/)) {
      for (const s of splitSentences(normalizeText(line))) {
        if (bodyLength > MAX_BODY_CHARS) break lines;
        if (suspicious && isInstructionLike(s)) continue;
        bodySentences.push(s);
        bodyLength += s.length + 1;
      }
    }
    const body = bodySentences.join(' ');
    const doc = `${headline}\n${body}`;

    const titleResult = extractTitles(doc, known);
    const studioMentions = findStudioMentions(doc, directory, titleResult.spans);
    const studios = [...new Set(reportedNames(studioMentions))];
    for (const t of titleResult.titles) {
      const d = distributorOf.get(t.toLowerCase());
      if (d && !studios.includes(d)) studios.push(d);
    }

    const publishedMs = story.publishedAt ? Date.parse(story.publishedAt) : NaN;
    const timeKnown = Number.isFinite(publishedMs);
    const reference = timeKnown ? newsroomTime(publishedMs, story.url) : now();
    const dates = extractReleaseDates(headline, bodySentences, reference, { timeKnown });

    const headlineMoney = extractMoney(headline);
    const bodyMoney = extractMoney(body);
    const money = mergeMoney(headlineMoney, bodyMoney);

    const masks: { span: Span; token: string }[] = [
      ...titleResult.mentions.map((m) => ({ span: [m.start, m.end] as const, token: TITLE_MASK })),
      ...studioMentions.map((m) => ({ span: [m.start, m.end] as const, token: STUDIO_MASK })),
    ];
    const masked = maskSpans(doc, masks);
    const people = extractPeople(doc, masks.map((m) => m.span)).filter((p) => p.length <= 60);
    // Who the headline's subject is: a person boarding a title is a role, a studio boarding one is a deal.
    const subject = headlineSubject(masked.slice(0, masked.indexOf('\n')));
    const cut = masked.indexOf('\n');
    const { type, scores, probs, evidence } = classify(
      masked.slice(0, cut),
      masked.slice(cut + 1),
      {
        releaseIn: dates.releaseIn,
        previousIn: dates.previousIn,
        undated: dates.undated,
        headlineMoney,
        bodyMoney,
        titles: titleResult.titles.length,
        studios: studios.length,
        urlSections: urlSections(story.url),
        subjectVerb: subject?.verb,
        speech: QUOTED_SPEECH.test(masked.slice(0, cut)),
      },
      model,
    );

    let releaseDate = dates.releaseDate;
    let previousDate = dates.previousDate;
    const aboutRelease = type === 'release_dated' || type === 'release_moved';
    if (type === 'release_moved' && dates.undated && dates.releaseIn !== 'headline') releaseDate = null;
    // A date must belong to something: a story with no title that is not about a release reports none, unless the
    // sentence that gives it says what is released ("… set for an August 6, 2027 release"); a service's launch ("an
    // ad-supported tier in early 2023") releases no title.
    const releaseNoun = /\b(?:releas\w*|premier\w*|available|debut\w*|opening|in theaters|in cinemas|stream\w*|head(?:s|ed|ing)? to|coming to|comes? to|bows?|bowing|(?:coming|comes?|is|are)\s+back|arriv\w*|hits?|lands?|return(?:s|ing)?|launch\w*|roll(?:s|ing)? out|(?:is|are|will be)\s+out|screened|broadcast\w*|drops?|dropping|delay\w*|postpon\w*|push(?:es|ed|ing)?\s+back|(?:moves?|moved|moving|pushed|shifts?|shifted)\s+(?:up\s+|back\s+)?to)\b/i.test(dates.releaseSentence ?? '')
      && !SERVICE_LAUNCH.test(dates.releaseSentence ?? '');
    if (!aboutRelease && titleResult.titles.length === 0 && !releaseNoun && !FUTURE_YEAR_NAMES.test(dates.releaseSentence ?? '') && !POSSESSIVE_DATE.test(dates.releaseSentence ?? '')) {
      releaseDate = null;
      previousDate = null;
    }
    // Dates of no title: an awards show's airing ("Golden Globes Returning To NBC In January"), and a roundup
    // ("Everything New Coming to Netflix in November"; a slate's dating, "2 New Marvel Movies Dated", is a release story
    // and keeps its date).
    const noTitleDates = (type === 'festival_awards' && AWARDS_SHOW.test(dates.releaseSentence ?? '')) || (!aboutRelease && ROUNDUP_HEADLINE.test(headline));
    if (noTitleDates) {
      releaseDate = null;
      previousDate = null;
    }
    // A box-office story's year ("Box Office Success In 2026", "the biggest 2026 debut") is the year of its grosses.
    if (type === 'box_office' && timeKnown && releaseDate === String(reference.getUTCFullYear())) releaseDate = null;
    // An audience figure's night ("its return on Sunday night drew the biggest audience") is when it aired, not a release ahead.
    if (type === 'box_office' && releaseDate && AUDIENCE_PAST.test(dates.releaseSentence ?? '')) releaseDate = null;
    if (type === 'release_dated' && !releaseDate && previousDate) {
      releaseDate = previousDate;
      previousDate = null;
    }

    // Where the rules find no date, the date model reads the date phrases in context ("Netflix teases Arcane season 2
    // for November 2024", "the interview, which will air on March 7"); not where a date was dropped on purpose (an
    // awards show's night, a roundup's month) nor for a move the story says has no new date.
    let dateSource: EmbeddedExplanation['dateSource'] = { by: releaseDate ? 'rules' : 'none' };
    let dated: { releaseSentence: string | null; releaseAt: number | null } | null = releaseDate === dates.releaseDate ? dates : null;
    const dateAsked = !releaseDate && !noTitleDates && !(type === 'release_moved' && dates.undated);
    const candidates = withCandidates || (dateModel && dateAsked) ? dateCandidates(headline, bodySentences, reference, timeKnown, type) : [];
    if (dateModel && dateAsked) {
      const pick = pickDate(dateModel, candidates);
      if (pick) {
        releaseDate = pick.candidate.date;
        if (previousDate === releaseDate) previousDate = null;
        dated = { releaseSentence: pick.candidate.sentence, releaseAt: pick.candidate.at };
        dateSource = { by: 'model', p: Math.round(pick.p * 1000) / 1000 };
      }
    }

    // No story reports as its release a date already over when it was published (none of the dev split's 764 dated
    // labels does): "the series debuted on November 13", read in a renewal story weeks later, is history.
    if (releaseDate && timeKnown && endsBefore(releaseDate, reference)) {
      releaseDate = null;
      dated = null;
    }
    // What a story is can date nothing, or only some dates:
    // - a service's own change ("Showtime rebranding as Paramount+ with Showtime on January 8", "ads coming to Prime Video
    //   starting Jan. 29", "password-sharing crackdown this summer") dates no title, whatever type the story reads as;
    // - an executive's move and a festival or awards story date no release (their days are a start, a screening or a
    //   ceremony: no dated label among 665 such dev stories);
    // - a box-office story dates only a release still ahead of it ("ahead of China's March release") or opening that very
    //   day ("opens this Friday, October 14" read on the 14th), never the opening its grosses come from ("Christmas
    //   opening"); nor a weekday in a sentence told in the past ("performed well after its premiere on Friday", "drew 12.1
    //   million viewers during the premiere Sunday"), read forward by the day's name ("when it opens in theaters Friday"
    //   and a written date still date a release ahead).
    const sentence = dated?.releaseSentence ?? '';
    if (
      releaseDate &&
      ((titleResult.titles.length === 0 && SERVICE_EVENT.test(`${headline} ${sentence}`)) ||
        type === 'executive' ||
        type === 'festival_awards' ||
        (type === 'box_office' && timeKnown && !aheadOrToday(releaseDate, reference)) ||
        (type === 'box_office' && releaseDate.length === 10 && sentence !== '' && !WRITTEN_DAY.test(sentence) && PAST_TELLING.test(sentence)))
    ) {
      releaseDate = null;
      previousDate = null;
      dated = null;
    }

    // A date belongs to the title its sentence dates ("… dated Glimmerglass: Part Two for Nov. 22, 2028"): that title
    // goes first, and the release calendar files the date under it.
    // The date a release moved from is a move's ("previousDate: for a move … Null otherwise", the labeling guide): a
    // box-office story's "delayed from October 2025 to the summer" reports no move of its own.
    if (previousDate && type !== 'release_moved' && type !== 'release_dated') previousDate = null;

    const titles = datedTitleFirst(titleResult, doc, dated);
    const releaseKind = releaseKindOf(releaseDate, dated?.releaseSentence ?? null, doc, studioMentions);
    const extraction: EventExtraction = {
      type,
      studios,
      titles,
      people,
      releaseDate,
      previousDate,
      releaseKind,
      money,
      sentiment: sentimentScore(headline, body),
      summary: summarize(headline, bodySentences),
    };
    return { extraction, scores: probs ?? scores, masked, evidence, dateCandidates: candidates, dateAsked, dateSource };
  }

  return { info, extract: (story) => run(story).extraction, explain: (story) => run(story, true) };
}

/**
 * The publication time as the newsroom's calendar has it. "Hits Disney Plus tomorrow", posted at 00:32 UTC on November 12
 * by an American outlet, means November 12: its address says /2022/11/11/, the day where it was written. Where the
 * address names the day before or after the UTC day, that day is the story's, at the same hour (relative days, "this
 * Friday" and "today", are counted from it); otherwise the UTC time stands.
 */
export function newsroomTime(publishedMs: number, url: string | null | undefined): Date {
  const utc = new Date(publishedMs);
  const m = url ? /\/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\/|-|$)/.exec(url) : null;
  if (!m) return utc;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const utcDay = Date.UTC(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
  const shift = day - utcDay;
  return Math.abs(shift) === 86_400_000 ? new Date(publishedMs + shift) : utc;
}

/** Whether the period a date names ("2026", "2026-03", "2026-03-13") ends before the day of `reference`. */
function endsBefore(date: string, reference: Date): boolean {
  return dateBounds(date).last < reference.toISOString().slice(0, 10);
}

/** Whether a day is the day of `reference` or later, or a month or year ("2026", "2026-03") starts after that day. */
function aheadOrToday(date: string, reference: Date): boolean {
  const day = reference.toISOString().slice(0, 10);
  return date.length === 10 ? date >= day : dateBounds(date).first > day;
}

function datedTitleFirst(result: TitleResult, doc: string, dates: { releaseSentence: string | null; releaseAt: number | null } | null): string[] {
  const titles = result.titles;
  if (!dates?.releaseSentence || dates.releaseAt === null || titles.length < 2) return titles;
  const from = doc.indexOf(dates.releaseSentence);
  if (from < 0) return titles;
  const at = from + dates.releaseAt;
  const to = from + dates.releaseSentence.length;
  const inSentence = result.mentions.filter((m) => m.start >= from && m.end <= to && !m.credit && titles.includes(m.title));
  const before = inSentence.filter((m) => m.end <= at).pop();
  const chosen = before ?? inSentence.find((m) => m.start >= at);
  if (!chosen || chosen.title === titles[0]) return titles;
  return [chosen.title, ...titles.filter((t) => t !== chosen.title)];
}

const AUDIENCE_PAST = /\b(?:drew|attract(?:ed|s)|pulled(?:\s+in)?|averaged|peaked|watched|tuned\s+in|viewers|audiences?|ratings)\b/i;
const SERVICE_EVENT = /\b(?:ads|ad breaks|ad-supported|ad tier|advertising|password[- ]sharing|price (?:hikes?|increases?|rises?)|(?:raises?|raising|hikes?|hiking) (?:its |their )?prices|pricing|rebrand\w*|shutter\w*|shut(?:s|ting)?\s+down|discontinu\w*|crackdown)\b/i;
const PAST_TELLING = /\b(?:debuted|premiered|opened|bowed|drew|made|performed|earned|grossed|brought|took|attracted|pulled|topped|led|was|were|had)\b/i;
const SERVICE_LAUNCH = /\b(?:ad[- ]?(?:supported|tier|funded|free)|advertising[- ](?:tier|plan)|(?:cheaper|new)\s+(?:tier|plan)|subscription|price|prices|pricing|bundle|app)\b/i;
// Plural or with "Awards" only: "Oscar Isaac", "Tony Gilroy" and "Emmy Rossum" are people.
const AWARDS_SHOW = /\b(?:golden globes|globes|oscars|academy awards|emmys|emmy awards|grammys|grammy awards|tonys|tony awards|baftas|bafta awards|sag awards|awards?\s+(?:show|ceremony|telecast|gala)|ceremony|telecast)\b/i;
const ROUNDUP_HEADLINE =
  /^(?:(?:the\s+)?\d{1,3}\s+(?:(?:best|new|top|biggest|great|must-see|most)\s+){0,2}(?:[\w-]+\s+){0,2}(?:films|movies|shows|series|titles|releases|picks|things)\b|everything\s+(?:new\s+)?(?:coming|arriving|leaving|streaming)\b|(?:what['’]s|here['’]s what(?:['’]s| is))\s+(?:new\s+|coming\s+|leaving\s+|streaming\s+)|new\s+(?:on|to)\s+(?:netflix|hulu|max|hbo max|hbo|disney\+|prime video|amazon|peacock|paramount\+|apple tv\+?)\b|(?:netflix|hulu|hbo|amazon|disney\+)['’]s\s+new\s+releases\b)/i;

function mergeMoney(a: readonly MoneyAmount[], b: readonly MoneyAmount[]): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  const seen = new Set<number>();
  for (const m of [...a, ...b]) {
    if (seen.has(m.amount)) continue;
    seen.add(m.amount);
    out.push(m);
    if (out.length >= MAX_MONEY) break;
  }
  return out;
}

// Replaces spans (sorted, non-overlapping after the first wins) by placeholder tokens, keeping the rest as is.
function maskSpans(s: string, masks: readonly { span: Span; token: string }[]): string {
  const sorted = [...masks].sort((x, y) => x.span[0] - y.span[0]);
  let out = '';
  let pos = 0;
  for (const { span, token } of sorted) {
    if (span[0] < pos) continue;
    out += s.slice(pos, span[0]) + token;
    pos = span[1];
  }
  return out + s.slice(pos);
}
