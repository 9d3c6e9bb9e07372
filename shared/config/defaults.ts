// Defaults and bounds of the settings both runtimes share, defined once: the local config (app-config.ts, zod),
// the Lambda environment (functions/aws/env.ts, plain checks) and the stack's context (infra/config.ts) read them here.
export { FETCH_DEFAULTS } from './fetch-limits.js';

/** The OpenAI-compatible model of the LLM analyst, brief writer and query agent. */
export const DEFAULT_MODEL = 'gpt-4o-mini';

/** auto = the LLM when an API key is configured, the embedded rules otherwise. */
export const ANALYST_MODES = ['auto', 'embedded', 'llm'] as const;
export type AnalystMode = (typeof ANALYST_MODES)[number];
export const DEFAULT_ANALYST: AnalystMode = 'auto';

/** Whether the model does the work (analyst, brief writer, query agent): `llm`, or `auto` with an API key. */
export function usesLlm(config: { analyst: AnalystMode; openaiApiKey?: string | undefined }): boolean {
  return config.analyst === 'llm' || (config.analyst === 'auto' && !!config.openaiApiKey);
}

/** The query side's limits: default and bounds of each. */
export const QUERY_LIMITS = {
  queryMaxToolCalls: { default: 6, min: 1, max: 20 },
  apiRateLimitPerMinute: { default: 120, min: 1, max: 10_000_000 },
  apiCacheSeconds: { default: 10, min: 0, max: 3600 },
} as const;
