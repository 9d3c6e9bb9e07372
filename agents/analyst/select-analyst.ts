// Chooses the analyst for a run from the configuration (LLM when a model is configured, embedded rules otherwise).
import { ConfigError } from '../../shared/config/errors.js';
import { usesLlm } from '../../shared/config/defaults.js';
import { createEmbeddedAnalyst, EMBEDDED_ANALYST_VERSION } from './embedded/embedded-analyst.js';
import type { AnalysisCache, Analyst, AnalystContext, StoryInput } from '../../shared/ports/analyst.js';
import type { Logger } from '../../shared/ports/logger.js';
import { createLlmAnalyst, type EmbeddedFactory, type LlmAnalystOptions } from './llm/llm-analyst.js';
import { PROMPT_VERSION } from './llm/prompts.js';

export interface AnalystSelectionConfig {
  analyst: 'auto' | 'embedded' | 'llm';
  openaiApiKey?: string;
  openaiBaseUrl?: string;
  model: string;
  /** Prompt + completion tokens the LLM analyst may spend per analyze() run (shared/config/token-budget.ts); unset = no cap. */
  tokenBudget?: number;
}

export interface AnalystSelectionDeps {
  /** The embedded analyst factory and its version (default: createEmbeddedAnalyst, EMBEDDED_ANALYST_VERSION). */
  createEmbedded?: EmbeddedFactory;
  embeddedVersion?: string;
  cache: AnalysisCache;
  log?: Logger;
  /** Passed through to the LLM analyst (batch size, budget, retries, timeouts, test hooks). */
  llm?: Omit<LlmAnalystOptions, 'baseUrl' | 'apiKey' | 'model' | 'cache' | 'fallback' | 'log'>;
}

export interface AnalystSelection {
  analyst: Analyst;
  /** One line to print at start-up, e.g. "analyst: embedded rules-2 (no model configured)". */
  description: string;
}

/** Wraps the embedded extractor (built per context) as an Analyst: one analysis per story, in order, no tokens. */
export function embeddedAsAnalyst(createEmbedded: EmbeddedFactory, version: string): Analyst {
  const info = { kind: 'embedded', version } as const;
  return {
    info,
    async analyze(stories: StoryInput[], context: AnalystContext) {
      const extractor = createEmbedded(context);
      const analyses = stories.map((s) => ({
        storyId: s.storyId,
        extraction: extractor.extract({ title: s.title, text: s.text, publishedAt: s.publishedAt, ...(s.url ? { url: s.url } : {}) }),
        analyst: extractor.info,
        tokens: 0,
      }));
      return { analyses, usage: { requests: 0, promptTokens: 0, completionTokens: 0, cacheHits: 0, fallbacks: 0 } };
    },
  };
}

/** Where requests go, for the start-up line (never prints the key). */
function endpointLabel(baseUrl: string | undefined): string {
  if (!baseUrl) return 'api.openai.com';
  try {
    const u = new URL(baseUrl);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseUrl;
  }
}

/**
 * LLM when `analyst` is `llm`, or when an API key is set and `analyst` is not `embedded`; embedded otherwise.
 * `llm` with neither a key nor a base URL is a configuration error (there would be nowhere to send stories).
 */
export function selectAnalyst(config: AnalystSelectionConfig, deps: AnalystSelectionDeps): AnalystSelection {
  const createEmbedded = deps.createEmbedded ?? createEmbeddedAnalyst;
  const embeddedVersion = deps.embeddedVersion ?? (deps.createEmbedded ? 'custom' : EMBEDDED_ANALYST_VERSION);
  const hasModel = !!config.openaiApiKey || !!config.openaiBaseUrl;
  const useLlm = usesLlm(config);
  if (config.analyst === 'llm' && !hasModel) {
    throw new ConfigError('MARQUEE_ANALYST=llm needs OPENAI_API_KEY or OPENAI_BASE_URL (an OpenAI-compatible server)');
  }
  if (!useLlm) {
    const why =
      config.analyst === 'embedded' ? 'MARQUEE_ANALYST=embedded' : hasModel ? 'no API key; set MARQUEE_ANALYST=llm to use the base URL' : 'no model configured';
    return { analyst: embeddedAsAnalyst(createEmbedded, embeddedVersion), description: `analyst: embedded ${embeddedVersion} (${why})` };
  }
  const analyst = createLlmAnalyst({
    ...(config.tokenBudget !== undefined ? { tokenBudget: config.tokenBudget } : {}),
    ...deps.llm,
    ...(config.openaiBaseUrl ? { baseUrl: config.openaiBaseUrl } : {}),
    ...(config.openaiApiKey ? { apiKey: config.openaiApiKey } : {}),
    model: config.model,
    cache: deps.cache,
    fallback: createEmbedded,
    ...(deps.log ? { log: deps.log } : {}),
  });
  return {
    analyst,
    description: `analyst: LLM ${config.model} via ${endpointLabel(config.openaiBaseUrl)} (prompt ${PROMPT_VERSION}, fallback embedded ${embeddedVersion}${config.tokenBudget !== undefined ? `, budget ${config.tokenBudget} tokens a run` : ''})`,
  };
}
