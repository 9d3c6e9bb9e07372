// Post-processing of model output: canonical studio names, clean and deduped lists, valid dates, clamped sentiment.
import { EventExtraction, ReleaseKind } from '../../../shared/model/event.js';
import type { AnalystContext } from '../../../shared/ports/analyst.js';
import { buildStudioDirectory, findStudioMentions, reportedNames } from '../embedded/studios.js';

/** Canonicalizers built once per analyze() run from the workspace. */
export interface Canonicalizer {
  studio(name: string): string;
  /** The names to report for one company the model named: its canonical name, and the competitor that owns it. */
  studios(name: string): string[];
  title(name: string): string;
}

const key = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[.,]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Case-insensitive lookups: competitor names and aliases map to the competitor name; any other company the gazetteer
 * knows to its canonical name (the same names the embedded analyst writes: "Searchlight" → "Searchlight Pictures", or
 * the competitor that owns it); slate/known titles to their spelling.
 */
export function buildCanonicalizer(context: AnalystContext): Canonicalizer {
  const studios = new Map<string, string>();
  for (const c of context.competitors) {
    for (const alias of [c.name, ...c.aliases]) if (!studios.has(key(alias))) studios.set(key(alias), c.name);
  }
  const directory = buildStudioDirectory(context.competitors);
  // A whole name that the directory reads as one company (reported once, or as its owning competitor and itself).
  const gazetteer = (name: string): string[] => {
    const mentions = findStudioMentions(name, directory);
    return mentions.length === 1 ? reportedNames(mentions) : [name];
  };
  const titles = new Map<string, string>();
  for (const t of [...context.slate.map((s) => s.title), ...(context.knownTitles ?? [])]) {
    if (!titles.has(key(t))) titles.set(key(t), t);
  }
  return {
    studio: (name) => studios.get(key(name)) ?? gazetteer(name)[0]!,
    studios: (name) => {
      const listed = studios.get(key(name));
      return listed ? [listed] : gazetteer(name);
    },
    title: (name) => titles.get(key(name)) ?? name,
  };
}

/** Keeps the first of each case-insensitive duplicate, dropping empty strings. */
export function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = key(v);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

const QUOTES = /^[\s'"‘’“”*_«»‹›]+|[\s'"‘’“”*_«»‹›]+$/g;

/** "2026-12-11T00:00:00Z" → "2026-12-11"; anything without a leading year → null. */
export function toPartialDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo && (+mo < 1 || +mo > 12)) return y!;
  if (mo && d && (+d < 1 || +d > 31)) return `${y}-${mo}`;
  return [y, mo, d].filter(Boolean).join('-');
}

/** Clamps to [-1, 1]; a non-number becomes 0 (neutral). */
export function clampSentiment(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(1, Math.max(-1, value)) * 1000) / 1000;
}

/**
 * Turns a model-written (or cached) extraction into a valid EventExtraction for this workspace.
 * Throws only if the input is not extraction-shaped at all (the caller treats that as malformed output).
 */
export function postProcess(raw: Omit<EventExtraction, 'releaseDate' | 'previousDate' | 'releaseKind'> & {
  releaseDate: string | null;
  previousDate: string | null;
  releaseKind?: string | null;
}, canon: Canonicalizer): EventExtraction {
  const clean = (list: string[]) => list.map((s) => s.replace(QUOTES, '').replace(/\s+/g, ' ').trim());
  const money = raw.money.filter((m) => Number.isFinite(m.amount) && m.amount >= 0);
  const seenMoney = new Set<string>();
  const releaseDate = toPartialDate(raw.releaseDate);
  const kind = ReleaseKind.safeParse(raw.releaseKind);
  return EventExtraction.parse({
    type: raw.type,
    studios: dedupe(clean(raw.studios).flatMap(canon.studios)),
    titles: dedupe(clean(raw.titles).map(canon.title)),
    people: dedupe(clean(raw.people)),
    releaseDate,
    previousDate: toPartialDate(raw.previousDate),
    releaseKind: releaseDate && kind.success ? kind.data : null,
    money: money
      .map((m) => ({ amount: m.amount, context: m.context.trim() }))
      .filter((m) => {
        const k = `${m.amount}|${m.context.toLowerCase()}`;
        return seenMoney.has(k) ? false : (seenMoney.add(k), true);
      }),
    sentiment: clampSentiment(raw.sentiment),
    summary: raw.summary.replace(/\s+/g, ' ').trim().slice(0, 400),
  });
}
