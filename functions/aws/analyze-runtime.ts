// Composition root of the analyze worker: the base AWS runtime plus the analysis store, analyst, ledger and Slack chat.
// Apart from runtime.ts so that only this function bundles LangChain (the LLM analyst) and the alert code.
import type { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import type { DynamoBriefStore, DynamoFlagStore } from '../../shared/store/dynamo-assist.store.js';
import { awsStores } from './stores.js';
import type { Analyst } from '../../shared/ports/analyst.js';
import type { ChatPoster } from '../../shared/ports/chat.js';
import type { IdempotencyLedger } from '../../shared/ports/ledger.js';
import type { ClusterHint } from '../../shared/analysis/cluster.js';
import type { Logger } from '../../shared/ports/logger.js';
import type { Workspace } from '../../shared/model/workspace.js';
import { SlackWebhookChat } from '../../shared/delivery/chat/slack-webhook.chat.js';
import { embeddedRules } from '../../agents/analyst/rule-hints.js';
import { selectAnalyst } from '../../agents/analyst/select-analyst.js';
import { EMBEDDED_ANALYST_VERSION } from '../../agents/analyst/embedded/embedded-analyst.js';
import { awsRuntime, cachedAsync, type AwsRuntime } from './runtime.js';
import { readSecret } from './secrets.js';
import { analystSettings } from './env.js';
import { parseTokenBudget, runTokenBudget } from '../../shared/config/token-budget.js';
import { usesLlm } from '../../shared/config/defaults.js';
import type { BriefWriter } from '../../shared/ports/brief-writer.js';
import { createLlmBriefWriter } from '../../agents/assist/llm-brief-writer.js';

export interface AnalyzeRuntime {
  readonly base: AwsRuntime;
  analysis(): DynamoAnalysisStore;
  /**
   * The alert ledger for one SQS message: its claims carry the message id as owner, and a
   * redelivery of the same message (its worker died) takes them over without waiting for the lease.
   */
  ledger(owner?: string): IdempotencyLedger;
  /** Counter-programming briefs and the flags that hold events out of them. */
  briefs(): DynamoBriefStore;
  flags(): DynamoFlagStore;
  /** The analyst for this workspace: LLM when the OpenAI secret is configured (and MARQUEE_ANALYST allows), embedded otherwise. */
  analyst(workspace: Workspace, log?: Logger): Promise<{ analyst: Analyst; description: string }>;
  hint(workspace: Workspace): (doc: { title: string; text: string; publishedAt: string | null }) => ClusterHint;
  /** The LLM brief writer when the model does the work (as on a laptop: `llm`, or `auto` with the OpenAI secret), else none (computed options). */
  briefWriter(): Promise<BriefWriter | undefined>;
  /** Slack through the webhook in the Slack secret, to the workspace's channel, or null when no secret is configured (no alerts). */
  chat(workspace: Workspace): Promise<ChatPoster | null>;
}

/** Builds the analyze runtime over a base runtime (tests pass one over mocked or embedded services). */
export function createAnalyzeRuntime(base: AwsRuntime): AnalyzeRuntime {
  const { env } = base;
  const openaiKey = cachedAsync(async () => (env.OPENAI_SECRET_NAME ? readSecret(base.ssm(), env.OPENAI_SECRET_NAME) : undefined));
  const webhook = cachedAsync(async () => (env.SLACK_SECRET_NAME ? readSecret(base.ssm(), env.SLACK_SECRET_NAME) : null));
  // As the local runtime: the workspace's channel, when it names one.
  const chats = new WeakMap<Workspace, ChatPoster>();
  const chat = async (workspace: Workspace): Promise<ChatPoster | null> => {
    const url = await webhook();
    if (!url) return null;
    return chats.get(workspace) ?? chats.set(workspace, new SlackWebhookChat(url, { channel: workspace.slack?.channel })).get(workspace)!;
  };
  const analysts = new WeakMap<Workspace, { analyst: Analyst; description: string }>();
  // The workspace may pin "now" (the demo does): the analyst reads undated stories against it.
  const asOf = (ws: Workspace) => (ws.clock ? () => new Date(ws.clock!) : undefined);
  // One reading of each document by the embedded rules serves both the clustering hint and the analyst.
  const rules = new WeakMap<Workspace, ReturnType<typeof embeddedRules>>();
  const rulesOf = (ws: Workspace) => rules.get(ws) ?? rules.set(ws, embeddedRules(ws, asOf(ws))).get(ws)!;

  const briefWriter = cachedAsync(async (): Promise<BriefWriter | undefined> => {
    const settings = { ...analystSettings(env), openaiApiKey: await openaiKey() };
    return usesLlm(settings) ? createLlmBriefWriter({ model: settings.model, apiKey: settings.openaiApiKey, baseUrl: settings.openaiBaseUrl }) : undefined;
  });
  const rt: AnalyzeRuntime = {
    base,
    analysis: () => awsStores(base).analysis(),
    ledger: (owner) => awsStores(base).ledger(owner ? { owner, takeOver: 'same-owner' } : {}),
    briefs: () => awsStores(base).briefs(),
    flags: () => awsStores(base).flags(),
    async analyst(workspace, log) {
      const known = analysts.get(workspace);
      if (known) return known;
      const selection = selectAnalyst(
        {
          ...analystSettings(env),
          openaiApiKey: await openaiKey(),
          tokenBudget: runTokenBudget(parseTokenBudget(env.MARQUEE_TOKEN_BUDGET, 'lambda environment: MARQUEE_TOKEN_BUDGET'), workspace),
        },
        {
          cache: rt.analysis(),
          createEmbedded: rulesOf(workspace).createEmbedded,
          embeddedVersion: EMBEDDED_ANALYST_VERSION,
          ...(log ? { log } : {}),
        },
      );
      analysts.set(workspace, selection);
      return selection;
    },
    hint: (workspace) => rulesOf(workspace).hint,
    briefWriter,
    chat,
  };
  return rt;
}

let current: AnalyzeRuntime | null = null;

/** The container's analyze runtime, over the container's base runtime. */
export function analyzeRuntime(): AnalyzeRuntime {
  current ??= createAnalyzeRuntime(awsRuntime());
  return current;
}
