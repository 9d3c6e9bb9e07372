// Analyst port: turns stories into event extractions (LLM through LangChain, or the embedded rules).
import type { AnalystInfo, EventExtraction } from '../model/event.js';
import type { Competitor, SlateTitle } from '../model/workspace.js';

/** One story as the analyst sees it: its lead item's text plus where else it ran. */
export interface StoryInput {
  storyId: string;
  /** Hash of what is analyzed (title + text + prompt-relevant fields): the cache key with the prompt version. */
  hash: string;
  title: string;
  text: string;
  publishedAt: string | null;
  url: string | null;
  /** Outlets that also ran the story (names), for context only. */
  alsoIn?: string[];
}

export interface AnalystContext {
  competitors: Competitor[];
  slate: SlateTitle[];
  /** Titles already known to the store (release calendar), to help matching. */
  knownTitles?: string[];
}

export interface AnalystUsage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cacheHits: number;
  /** Stories that the LLM analyst handed to the embedded one (budget spent, repeated failures). */
  fallbacks: number;
  /** Of `fallbacks`, those handed over because the run's token budget was spent (the LLM analyst sets it). */
  budgetFallbacks?: number;
}

export interface StoryAnalysis {
  storyId: string;
  extraction: EventExtraction;
  /** Who produced this extraction (a fallback story says embedded even in an LLM run). */
  analyst: AnalystInfo;
  /** Prompt + completion tokens spent on this story (its share of a batched call); 0 when cached or embedded. */
  tokens: number;
}

export interface Analyst {
  readonly info: AnalystInfo;
  /** Analyzes stories; never drops one: every input story gets exactly one analysis, in input order. */
  analyze(stories: StoryInput[], context: AnalystContext): Promise<{ analyses: StoryAnalysis[]; usage: AnalystUsage }>;
}

/** Cache of extractions keyed by story hash + prompt version, so an unchanged story is never sent twice. */
export interface AnalysisCache {
  get(key: string): Promise<EventExtraction | null>;
  put(key: string, value: EventExtraction): Promise<void>;
}
