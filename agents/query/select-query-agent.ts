// Chooses the query agent from the configuration: the LLM agent (LangChain createAgent) when a model is configured, with
// the embedded reader as its fallback; the embedded reader alone otherwise.
import type { AppConfig } from '../../shared/config/app-config.js';
import { usesLlm } from '../../shared/config/defaults.js';
import type { Logger } from '../../shared/ports/logger.js';
import type { QueryService } from '../../shared/query/query-service.js';
import { EMBEDDED_QUERY_VERSION, type TitleVocabulary } from './embedded-query-agent.js';
import type { AskResponse } from '../../shared/query/schemas.js';
import { createLlmQueryAgent } from './llm-query-agent.js';
import { QUERY_PROMPT_VERSION } from './prompts.js';

export interface QueryAgentSelection {
  ask: (question: string) => Promise<AskResponse>;
  description: string;
}

export function selectQueryAgent(
  config: Pick<AppConfig, 'analyst' | 'openaiApiKey' | 'openaiBaseUrl' | 'model' | 'queryMaxToolCalls'>,
  deps: { service: QueryService; vocabulary: TitleVocabulary; embedded: (q: string) => Promise<AskResponse>; log?: Logger },
): QueryAgentSelection {
  const useLlm = usesLlm(config);
  if (!useLlm) return { ask: deps.embedded, description: `query agent: embedded ${EMBEDDED_QUERY_VERSION} (no model configured)` };
  const agent = createLlmQueryAgent(deps.service, deps.vocabulary, {
    model: config.model,
    apiKey: config.openaiApiKey,
    baseUrl: config.openaiBaseUrl,
    maxToolCalls: config.queryMaxToolCalls,
    fallback: deps.embedded,
    log: deps.log,
  });
  return {
    ask: async (q) => {
      const { toolCalls: _t, droppedRefs: _d, stoppedAtLimit: _s, ...answer } = await agent(q);
      return answer;
    },
    description: `query agent: LLM ${config.model} via LangChain createAgent with store tools (prompt ${QUERY_PROMPT_VERSION}, at most ${config.queryMaxToolCalls} tool calls; embedded ${EMBEDDED_QUERY_VERSION} when the model fails or cites nothing)`,
  };
}
