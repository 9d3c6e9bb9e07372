// BriefWriter port: a model that rewrites a counter-programming brief's computed options (the LLM path; none = the template).
import type { CounterBrief } from '../model/counter-brief.js';

/** A model that rewrites the computed options (the LLM path); the facts and citations stay computed. */
export interface BriefWriter {
  /** e.g. "gpt-4o-mini (brief-v1)" — recorded on the brief for the audit. */
  version: string;
  write(brief: CounterBrief): Promise<{ options: Array<{ key: CounterBrief['options'][number]['key']; title: string; text: string }>; tokens: number }>;
}
