// Token benchmark: the demo workspace through the LLM analyst against the OpenAI-compatible stub on 127.0.0.1.
// Run: npm run bench:tokens   (prints prompt tokens per story and per item, and the second run's tokens)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../shared/config/app-config.js';
import { runCycle } from '../../shared/cycle/run-cycle.js';
import { analysisLead, storyInput } from '../../shared/analysis/analyze-items.js';
import { openLocalRuntime } from '../../functions/local/local-runtime.js';
import { startDemo } from '../../functions/local/demo.js';
import { startOpenAiStub } from '../support/openai-stub.js';

const dir = await mkdtemp(join(tmpdir(), 'marquee-tokens-'));
const stub = await startOpenAiStub();
const demo = await startDemo();
const config = resolveConfig({ OPENAI_BASE_URL: stub.baseUrl, OPENAI_API_KEY: 'stub-key', MARQUEE_ANALYST: 'llm' }, { dataDir: dir, outDir: join(dir, 'out') });
const runtime = await openLocalRuntime(config, demo.workspace, { inMemory: true });
try {
  console.log(runtime.analystDescription);
  const first = await runCycle(demo.workspace, runtime, { force: true });
  const a = first.analysis;
  const analyzedItems = a.items;
  console.log(`first run: ${a.items} items, ${a.stories} stories, ${a.events} events, ${a.requests} requests, ${a.promptTokens} prompt + ${a.completionTokens} completion tokens, ${a.fallbacks} fallbacks`);
  console.log(`  prompt tokens per story: ${(a.promptTokens / Math.max(1, a.events)).toFixed(0)} (target <= 700)`);
  console.log(`  prompt tokens per item:  ${(a.promptTokens / Math.max(1, analyzedItems)).toFixed(0)}`);

  const second = await runCycle(demo.workspace, runtime, { force: true });
  console.log(`second run (unchanged sources): ${second.crawl.totals.notModified} not modified, ${second.analysis.requests} requests, ${second.analysis.promptTokens} prompt tokens (target 0)`);

  // The same stories analyzed again (as after a redeploy or a replay): every one is a cache hit.
  const stories = await runtime.analysis.storiesBetween('2026-09-01T00:00:00Z', '2026-12-31T00:00:00Z');
  const leads = await runtime.store.getItems(stories.map((s) => analysisLead(s).itemId));
  const byId = new Map(leads.map((i) => [i.id, i]));
  const again = await runtime.analyst.analyze(
    stories.map((s) => storyInput(s, byId.get(analysisLead(s).itemId))),
    { competitors: demo.workspace.competitors, slate: demo.workspace.slate },
  );
  console.log(`re-analysis of ${stories.length} unchanged stories: ${again.usage.requests} requests, ${again.usage.promptTokens} prompt tokens, ${again.usage.cacheHits} cache hits`);
  console.log(`stub saw ${stub.requests.length} chat requests in all`);
  console.log('command: npm run bench:tokens');
} finally {
  await runtime.close();
  await demo.close();
  await stub.close();
  await rm(dir, { recursive: true, force: true });
}
