// The LLM analyst's token budget per run on the analyze worker: from the workspace or MARQUEE_TOKEN_BUDGET, enforced against
// the OpenAI stub on 127.0.0.1, and reported as the EMF metrics the budget and fallback-rate alarms watch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createAnalyzeItemsHandler } from '../../functions/lambda/analyze-items.handler.js';
import { createAnalyzeRuntime, type AnalyzeRuntime } from '../../functions/aws/analyze-runtime.js';
import { createAwsRuntime } from '../../functions/aws/runtime.js';
import { parseAwsEnv } from '../../functions/aws/env.js';
import { validateWorkspace } from '../../shared/config/validate-workspace.js';
import { resolveConfig } from '../../shared/config/app-config.js';
import { DEFAULT_TOKEN_BUDGET, parseTokenBudget, runTokenBudget } from '../../shared/config/token-budget.js';
import { ConfigError } from '../../shared/config/errors.js';
import type { Item } from '../../shared/model/item.js';
import type { Workspace } from '../../shared/model/workspace.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { DynamoBriefStore } from '../../shared/store/dynamo-assist.store.js';
import { startOpenAiStub, type OpenAiStub } from '../support/openai-stub.js';
import { quietTelemetry, sqsEvent } from '../unit/lambda/support.js';

const ssm = mockClient(SSMClient);
let db: TestStore;
let stub: OpenAiStub;

const base = {
  name: 'Budget test',
  timezone: 'UTC',
  clock: '2026-11-25T20:00:00Z',
  sources: [{ id: 'wire', kind: 'rss', url: 'https://wire.example/feed.xml', tags: ['trade'] }],
  competitors: [{ name: 'Lionsgate', aliases: [] }, { name: 'A24', aliases: [] }],
};
const HEADLINES = [
  ['Lionsgate Dates ‘Night Ferry’ for June 4, 2027', 'Lionsgate has set its thriller ‘Night Ferry’ for a wide release on June 4, 2027.'],
  ['A24 Acquires Festival Drama ‘Salt Year’', 'A24 has acquired North American rights to the festival drama ‘Salt Year’ for $8 million.'],
  ['Lionsgate Releases First Trailer for ‘Glass Orchard’', 'Lionsgate debuted the first trailer for ‘Glass Orchard’ ahead of its March 2027 release.'],
  ['A24 Greenlights ‘Quiet Engines’ Sequel', 'A24 has greenlit a sequel to ‘Quiet Engines’, with the original director returning.'],
];
const items: Item[] = HEADLINES.map(([title, text], i) => ({
  id: `i_wire_${i}`, url: `https://wire.example/${i}`, guid: null, title: title!, publishedAt: `2026-11-25T1${i}:00:00.000Z`, author: null, text: text!,
  categories: [], hash: `h${i}`, sourceId: 'wire', studio: null, tags: ['trade'], fetchedAt: '2026-11-25T19:00:00.000Z', snapshotKey: null,
}));

function worker(workspace: Workspace, env: Record<string, string> = {}) {
  ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify(workspace) } });
  const rt: AnalyzeRuntime = createAnalyzeRuntime(
    createAwsRuntime({
      TABLE_NAME: db.tableName, WORKSPACE_PARAMETER: 'ws', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      MARQUEE_ANALYST: 'llm', OPENAI_BASE_URL: stub.baseUrl, ...env,
    }),
  );
  const telemetry = quietTelemetry();
  return { handler: createAnalyzeItemsHandler({ runtime: () => rt, telemetry }), telemetry, rt };
}
const metric = (t: ReturnType<typeof quietTelemetry>, name: string) => t.recorded.filter((m) => m.name === name).reduce((n, m) => n + m.value, 0);

beforeEach(async () => {
  db = await openTestStore();
  stub = await startOpenAiStub();
  for (const item of items) await db.store.putItemIfNew(item, [item.id]);
});
afterEach(async () => {
  ssm.reset();
  await stub.close();
  await db.close();
});

describe('token budget on the analyze worker', () => {
  it("takes the workspace's budget: past it no model call is made, every story goes to the embedded rules, and the metrics say so", async () => {
    const { handler, telemetry, rt } = worker(validateWorkspace({ ...base, analyst: { tokenBudget: 1000 } }, 'ws'));
    const res = await handler(sqsEvent([{ sourceId: 'wire', itemIds: items.map((i) => i.id) }]));
    expect(res.batchItemFailures).toEqual([]);
    expect((await rt.analyst(await rt.base.workspace())).description).toContain('budget 1000 tokens a run');
    expect(stub.requests).toHaveLength(0);
    expect(metric(telemetry, 'LlmStories')).toBe(4);
    expect(metric(telemetry, 'LlmFallbacks')).toBe(4);
    expect(metric(telemetry, 'TokenBudgetFallbacks')).toBe(4);
    expect(metric(telemetry, 'ModelTokens')).toBe(0);
    // Nothing is lost: every story still has its event (from the rules).
    expect(metric(telemetry, 'EventsCreated')).toBe(4);
  });

  it('drafts the counter-brief of a collision with the LLM brief writer, as the local cycle does with a model configured', async () => {
    const ws = validateWorkspace({ ...base, analyst: { tokenBudget: 1000 }, slate: [{ title: 'Harbor Lights', releaseDate: '2027-06-04', genres: ['Thriller'] }] }, 'ws');
    const { handler } = worker(ws);
    // The stories go to the rules (the budget), which date Night Ferry onto Harbor Lights' weekend; the brief goes to the model.
    stub.script([
      {
        content: JSON.stringify({
          options: [
            { key: 'hold', title: 'Hold June 4', text: 'Night Ferry opens on our date [1].' },
            { key: 'shift', title: 'Shift a week', text: 'A week later avoids Night Ferry [1].' },
          ],
        }),
      },
    ]);
    expect((await handler(sqsEvent([{ sourceId: 'wire', itemIds: items.map((i) => i.id) }]))).batchItemFailures).toEqual([]);
    const briefs = (await new DynamoBriefStore(db.store.tableAccess).listBriefs()).items;
    expect(briefs.map((b) => `${b.slateTitle}|${b.competitorTitle}`)).toEqual(['Harbor Lights|Night Ferry']);
    expect(briefs[0]!.analyst).toEqual({ kind: 'llm', version: 'gpt-4o-mini (brief-v1)' });
    expect(briefs[0]!.options.map((o) => o.title)).toEqual(['Hold June 4', 'Shift a week']);
    expect(stub.requests).toHaveLength(1);
    expect(JSON.stringify(stub.requests[0]!.messages)).toContain('Our title: Harbor Lights, dated 2027-06-04.');
  });

  it('MARQUEE_TOKEN_BUDGET overrides the workspace: with room, the model answers and nothing falls back', async () => {
    const { handler, telemetry } = worker(validateWorkspace({ ...base, analyst: { tokenBudget: 1000 } }, 'ws'), { MARQUEE_TOKEN_BUDGET: '500000' });
    await handler(sqsEvent([{ sourceId: 'wire', itemIds: items.map((i) => i.id) }]));
    expect(stub.requests.length).toBeGreaterThan(0);
    expect(metric(telemetry, 'LlmStories')).toBe(4);
    expect(metric(telemetry, 'LlmFallbacks')).toBe(0);
    expect(metric(telemetry, 'TokenBudgetFallbacks')).toBe(0);
    expect(metric(telemetry, 'ModelTokens')).toBeGreaterThan(0);
  });

  it('a model that fails counts as fallbacks, not as the budget (the fallback-rate alarm, not the budget alarm)', async () => {
    stub.script([{ status: 401 }]);
    const { handler, telemetry } = worker(validateWorkspace(base, 'ws'));
    await handler(sqsEvent([{ sourceId: 'wire', itemIds: items.map((i) => i.id) }]));
    expect(metric(telemetry, 'LlmFallbacks')).toBe(4);
    expect(metric(telemetry, 'TokenBudgetFallbacks')).toBe(0);
  });

  it('emits no LLM metrics with the embedded analyst', async () => {
    const { handler, telemetry } = worker(validateWorkspace(base, 'ws'), { MARQUEE_ANALYST: 'embedded' });
    await handler(sqsEvent([{ sourceId: 'wire', itemIds: items.map((i) => i.id) }]));
    expect(telemetry.recorded.filter((m) => /^(Llm|TokenBudget|ModelTokens)/.test(m.name))).toEqual([]);
  });
});

describe('token budget configuration', () => {
  it('environment over workspace over the default; bad values are one line naming the variable', () => {
    expect(runTokenBudget(undefined, {})).toBe(DEFAULT_TOKEN_BUDGET);
    expect(runTokenBudget(undefined, { analyst: { tokenBudget: 5000 } })).toBe(5000);
    expect(runTokenBudget(9000, { analyst: { tokenBudget: 5000 } })).toBe(9000);
    expect(resolveConfig({ MARQUEE_TOKEN_BUDGET: '20000' }).tokenBudget).toBe(20000);
    expect(resolveConfig({}).tokenBudget).toBeUndefined();
    expect(() => resolveConfig({ MARQUEE_TOKEN_BUDGET: 'lots' })).toThrow(/MARQUEE_TOKEN_BUDGET/);
    expect(() => parseAwsEnv({ MARQUEE_TOKEN_BUDGET: '10' })).toThrow(ConfigError);
    expect(() => parseAwsEnv({ MARQUEE_TOKEN_BUDGET: '10' })).toThrow(/lambda environment: MARQUEE_TOKEN_BUDGET: expected a whole number of tokens from 1000/);
    expect(parseTokenBudget('')).toBeUndefined();
    expect(() => validateWorkspace({ ...base, analyst: { tokenBudget: 10 } }, 'ws.yaml')).toThrow(/analyst\.tokenBudget/);
  });
});
