// Trains the embedded analyst's release-date model (logistic regression over the date phrases of a story) on the real
// corpus's dev split, and reports its cross-validation grouped by outlet per threshold (the threshold itself is an
// option: see DEFAULT_DATE_OPTIONS). `npm run train:analyst` runs it after the type model, with that model's types as a
// feature; the test split is never read here.
import { createEmbeddedAnalyst } from '../embedded-analyst.js';
import { bestCandidate, dateProbability, DEFAULT_DATE_OPTIONS, trainDateWeights, type DateCandidate, type DateModelData, type DateTrainOptions } from '../date-model.js';
import type { TypeModelData } from '../type-model.js';
import type { TrainingStory } from './training-data.js';

/** One labeled story as the date model sees it: the rules' dates and the candidates. */
export interface DateStory {
  group: string;
  label: { releaseDate: string | null; previousDate: string | null };
  rules: { releaseDate: string | null; previousDate: string | null };
  /** Whether the analyst would ask the model (the rules found no date, and none was dropped on purpose). */
  asks: boolean;
  candidates: DateCandidate[];
}

/** Thresholds tried by cross-validation. */
export const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** The real dev stories with a date label field, read by the analyst with `typeModel` and no date model. */
export function dateStories(stories: readonly TrainingStory[], typeModel: TypeModelData | null): DateStory[] {
  const analyst = createEmbeddedAnalyst({ competitors: [], slate: [], typeModel, dateModel: null });
  const out: DateStory[] = [];
  for (const s of stories) {
    if (s.group.startsWith('aux:') || s.releaseDate === undefined) continue;
    const x = analyst.explain({ title: s.title, text: s.text, publishedAt: s.publishedAt, url: s.url ?? null });
    out.push({
      group: s.group,
      label: { releaseDate: s.releaseDate, previousDate: s.previousDate ?? null },
      rules: { releaseDate: x.extraction.releaseDate, previousDate: x.extraction.previousDate },
      asks: x.dateAsked && x.dateCandidates.length > 0,
      candidates: x.dateCandidates,
    });
  }
  return out;
}

function examplesOf(stories: readonly DateStory[]): Array<{ features: string[]; y: 0 | 1 }> {
  return stories.flatMap((s) => s.candidates.map((c) => ({ features: c.features, y: (s.label.releaseDate !== null && c.date === s.label.releaseDate ? 1 : 0) as 0 | 1 })));
}

/** Dates right (both, among dated labels) and false dates (among undated labels) with the model at `threshold`. */
export function scoreDates(stories: readonly DateStory[], prob: (s: DateStory, c: DateCandidate) => number, threshold: number): { correct: number; dated: number; falseDates: number; undated: number; byModel: number } {
  let correct = 0;
  let dated = 0;
  let falseDates = 0;
  let undated = 0;
  let byModel = 0;
  for (const s of stories) {
    let release = s.rules.releaseDate;
    let previous = s.rules.previousDate;
    // The analyst's own choice (pickDate), with the cross-validated probabilities.
    const best = s.asks ? bestCandidate(s.candidates, (c) => prob(s, c), threshold) : null;
    if (best) {
      release = best.candidate.date;
      if (previous === release) previous = null;
      byModel++;
    }
    if (s.label.releaseDate !== null) {
      dated++;
      if (release === s.label.releaseDate && previous === s.label.previousDate) correct++;
    } else if (s.label.previousDate === null) {
      undated++;
      if (release !== null || previous !== null) falseDates++;
    }
  }
  return { correct, dated, falseDates, undated, byModel };
}

/** Outlet-grouped cross-validation: the figures per threshold, the rules alone first. */
export function crossValidateDates(stories: readonly DateStory[], opt: DateTrainOptions = DEFAULT_DATE_OPTIONS, folds = 5): Array<{ threshold: number | null; correct: number; dated: number; falseDates: number; undated: number; byModel: number }> {
  const groups = [...new Set(stories.map((s) => s.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % folds]));
  const probs = new Map<DateCandidate, number>();
  for (let f = 0; f < folds; f++) {
    const model: DateModelData = { version: 'cv', threshold: 0, weights: trainDateWeights(examplesOf(stories.filter((s) => foldOf.get(s.group) !== f)), opt) };
    for (const s of stories) if (foldOf.get(s.group) === f) for (const c of s.candidates) probs.set(c, dateProbability(model, c.features));
  }
  const prob = (_s: DateStory, c: DateCandidate) => probs.get(c) ?? 0;
  return [{ threshold: null, ...scoreDates(stories, prob, Infinity) }, ...THRESHOLDS.map((threshold) => ({ threshold, ...scoreDates(stories, prob, threshold) }))];
}

/**
 * Trains the date model on all the stories, with the threshold of `opt`; the cross-validation figures per threshold
 * come with it (on dev they favor the rules, which were written against these stories: see DEFAULT_DATE_OPTIONS).
 */
export function trainDateModel(training: readonly TrainingStory[], typeModel: TypeModelData | null, opt: DateTrainOptions = DEFAULT_DATE_OPTIONS): { model: DateModelData; cv: ReturnType<typeof crossValidateDates> } {
  const stories = dateStories(training, typeModel);
  const cv = crossValidateDates(stories, opt);
  const model: DateModelData = {
    version: 'logistic-1',
    threshold: opt.threshold,
    weights: trainDateWeights(examplesOf(stories), opt),
    trainedOn: { stories: stories.length, dated: stories.filter((s) => s.label.releaseDate !== null).length },
    options: opt,
  };
  return { model, cv };
}
