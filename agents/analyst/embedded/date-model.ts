// A learned reader of release dates: where the date rules find none, a logistic model scores each date phrase of the
// story's first sentences as "the release date" from its context (the words around it, where it stands, how far
// ahead it is, the rules' own verdict, the story's type) and the best one counts when it is likely enough.
import type { EventType } from '../../../shared/model/event.js';
import { DATEISH, dateMentionsOf, fixMonthTypos, RELEASE_WORDS, roleOf, type Precision } from './dates.js';

export interface DateModelData {
  version: string;
  /** A candidate counts from this probability up (chosen by outlet-grouped cross-validation on the dev split). */
  threshold: number;
  weights: Record<string, number>;
  trainedOn?: Record<string, number>;
  options?: DateTrainOptions;
}

/** One date phrase of a story as the model reads it. */
export interface DateCandidate {
  date: string;
  precision: Precision;
  /** The sentence it stands in, and where in it. */
  sentence: string;
  at: number;
  features: string[];
}

/** Sentences read: the headline and the lead's first four (later ones date other things: earlier films, schedules). */
const MAX_SENTENCES = 5;

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\d+'’]+/gu) ?? [];

function aheadBucket(date: string, reference: Date): string {
  const end = date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-28` : date;
  const days = (Date.parse(`${end}T00:00:00Z`) - reference.getTime()) / 864e5;
  return days < -30 ? 'past' : days < 0 ? 'recent' : days < 90 ? '0-3m' : days < 365 ? '3-12m' : days < 730 ? '1-2y' : 'far';
}

function yearBucket(date: string, reference: Date): string {
  const dy = Number(date.slice(0, 4)) - reference.getUTCFullYear();
  return dy < 0 ? 'past' : dy === 0 ? 'same' : dy === 1 ? 'next' : 'later';
}

/**
 * Every date phrase of the headline and the first body sentences with its features. Without a publication time a
 * phrase must write its year (a year-less "Oct. 11" then dates nothing, as the labeling guide has it).
 */
export function dateCandidates(headline: string, bodySentences: readonly string[], reference: Date, timeKnown: boolean, type: EventType): DateCandidate[] {
  const out: DateCandidate[] = [];
  const sentences = [headline, ...bodySentences].slice(0, MAX_SENTENCES);
  for (let i = 0; i < sentences.length; i++) {
    const raw = sentences[i];
    // No digit, month, season, holiday or relative word: no date phrase (the cheap test spares the phrase finder).
    if (!raw || !DATEISH.test(raw)) continue;
    const s = fixMonthTypos(raw);
    const mentions = dateMentionsOf(s, reference, timeKnown);
    const where = i === 0 ? 'h' : i <= 2 ? 'b12' : 'b3';
    const releaseWords = RELEASE_WORDS.test(s);
    for (const m of mentions) {
      if (!m.explicitYear && !timeKnown) continue;
      const f = [
        'bias',
        `loc:${where}`,
        `prec:${m.precision}`,
        `expl:${m.explicitYear}`,
        `role:${roleOf(s, m, reference, timeKnown)}`,
        `rw:${releaseWords}`,
        `type:${type}`,
        `loc-prec:${i === 0 ? 'h' : 'b'}-${m.precision}`,
      ];
      if (m.cued) f.push('cued');
      if (timeKnown) f.push(`ahead:${aheadBucket(m.date, reference)}`, `dy:${m.precision}:${yearBucket(m.date, reference)}`);
      else f.push('notime');
      const before = words(s.slice(Math.max(0, m.start - 60), m.start)).slice(-4);
      const after = words(s.slice(m.end, m.end + 50)).slice(0, 3);
      before.forEach((w, k) => {
        f.push(`b:${w}`);
        if (k === before.length - 1) f.push(`p1:${w}`);
        if (k === before.length - 2) f.push(`p2:${w}`);
      });
      after.forEach((w, k) => {
        f.push(`a:${w}`);
        if (k === 0) f.push(`n1:${w}`);
      });
      if (mentions.length > 1) f.push('multi');
      out.push({ date: m.date, precision: m.precision, sentence: s, at: m.start, features: f });
    }
  }
  return out;
}

/** The model's probability that a candidate is the story's release date. */
export function dateProbability(model: DateModelData, features: readonly string[]): number {
  let z = 0;
  for (const k of features) z += model.weights[k] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The candidate with the highest probability under `prob`, from `threshold` up; null when none reaches it. */
export function bestCandidate(candidates: readonly DateCandidate[], prob: (c: DateCandidate) => number, threshold: number): { candidate: DateCandidate; p: number } | null {
  let best: { candidate: DateCandidate; p: number } | null = null;
  for (const c of candidates) {
    const p = prob(c);
    if (!best || p > best.p) best = { candidate: c, p };
  }
  return best && best.p >= threshold ? best : null;
}

/** The most probable candidate when it reaches the model's threshold, else null. */
export function pickDate(model: DateModelData, candidates: readonly DateCandidate[]): { candidate: DateCandidate; p: number } | null {
  return bestCandidate(candidates, (c) => dateProbability(model, c.features), model.threshold);
}

export interface DateTrainOptions {
  l2: number;
  epochs: number;
  lr: number;
  /** The probability from which the best candidate counts. */
  threshold: number;
}

/**
 * The threshold was chosen on stories neither the rules nor the model had seen: the part more-z at its first use
 * (150 records from 12 outlets, 2023; rules alone 35 of 45 dates right and 4 false dates of 104; 0.5: 38 and 5; 0.7
 * and up: 36 and 5), and kept by a rule written down before more-aa arrived (most dates right minus false dates over
 * more-z and more-aa at first use, ties to the higher: 0.3 and 0.5 tie at 39, 0.6 38, 0.7 36, rules alone 35). Cross-validation on dev cannot choose it: the rules were written against those stories and miss
 * few of them there (598 of 637), so it prefers the rules alone (0.5: 609 right, 75 false; 0.9: 603, 66; rules 598, 61).
 */
export const DEFAULT_DATE_OPTIONS: DateTrainOptions = { l2: 1e-3, epochs: 60, lr: 0.1, threshold: 0.5 };

/** Logistic regression by plain stochastic gradient descent, in the examples' order: deterministic for the same input. */
export function trainDateWeights(examples: ReadonlyArray<{ features: readonly string[]; y: 0 | 1 }>, opt: DateTrainOptions = DEFAULT_DATE_OPTIONS): Record<string, number> {
  const w = new Map<string, number>();
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (const e of examples) {
      let z = 0;
      for (const k of e.features) z += w.get(k) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - e.y;
      for (const k of e.features) {
        const v = w.get(k) ?? 0;
        w.set(k, v - opt.lr * (g + opt.l2 * v));
      }
    }
  }
  const out: Record<string, number> = {};
  for (const [k, v] of [...w].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (Math.abs(v) >= 1e-3) out[k] = Math.round(v * 1e4) / 1e4;
  return out;
}
