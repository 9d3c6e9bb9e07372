// Analyst selection from configuration: which analyst, the start-up line, and the config error. No network.
import { describe, expect, it } from 'vitest';
import { selectAnalyst } from '../../../agents/analyst/select-analyst.js';
import { MemoryAnalysisCache } from '../../../agents/analyst/llm/memory-cache.js';
import { EMBEDDED_ANALYST_VERSION } from '../../../agents/analyst/embedded/embedded-analyst.js';
import { ConfigError } from '../../../shared/config/errors.js';
import { CONTEXT, TRADE_STORIES } from './trade-stories.js';

const deps = { cache: new MemoryAnalysisCache() };
const model = 'gpt-4o-mini';
const V = EMBEDDED_ANALYST_VERSION;

describe('selectAnalyst', () => {
  it('auto without a key: embedded', () => {
    const s = selectAnalyst({ analyst: 'auto', model }, deps);
    expect(s.analyst.info).toEqual({ kind: 'embedded', version: V });
    expect(s.description).toBe(`analyst: embedded ${V} (no model configured)`);
  });

  it('auto with a key: LLM (constructing it sends nothing)', () => {
    const s = selectAnalyst({ analyst: 'auto', model, openaiApiKey: 'sk-test' }, deps);
    expect(s.analyst.info).toEqual({ kind: 'llm', model, promptVersion: 'extract-v2' });
    expect(s.description).toBe(`analyst: LLM ${model} via api.openai.com (prompt extract-v2, fallback embedded ${V})`);
    expect(s.description).not.toContain('sk-test');
  });

  it('auto with only a base URL stays embedded and says how to opt in', () => {
    const s = selectAnalyst({ analyst: 'auto', model, openaiBaseUrl: 'http://127.0.0.1:8787/v1' }, deps);
    expect(s.analyst.info.kind).toBe('embedded');
    expect(s.description).toContain('MARQUEE_ANALYST=llm');
  });

  it('embedded wins over a key', () => {
    const s = selectAnalyst({ analyst: 'embedded', model, openaiApiKey: 'sk-test' }, deps);
    expect(s.analyst.info.kind).toBe('embedded');
    expect(s.description).toBe(`analyst: embedded ${V} (MARQUEE_ANALYST=embedded)`);
  });

  it('llm with a base URL: LLM via that URL', () => {
    const s = selectAnalyst({ analyst: 'llm', model, openaiBaseUrl: 'http://127.0.0.1:8787/v1/' }, deps);
    expect(s.analyst.info.kind).toBe('llm');
    expect(s.description).toBe(`analyst: LLM ${model} via http://127.0.0.1:8787/v1 (prompt extract-v2, fallback embedded ${V})`);
  });

  it('llm with neither key nor base URL is a config error with one clear line', () => {
    expect(() => selectAnalyst({ analyst: 'llm', model }, deps)).toThrow(ConfigError);
    expect(() => selectAnalyst({ analyst: 'llm', model }, deps)).toThrow(/MARQUEE_ANALYST=llm needs OPENAI_API_KEY or OPENAI_BASE_URL/);
  });

  it('the embedded choice analyzes every story, in order, for free', async () => {
    const { analyst } = selectAnalyst({ analyst: 'embedded', model }, deps);
    const { analyses, usage } = await analyst.analyze(TRADE_STORIES, CONTEXT);
    expect(analyses.map((a) => a.storyId)).toEqual(TRADE_STORIES.map((s) => s.storyId));
    expect(analyses.every((a) => a.tokens === 0 && a.analyst.kind === 'embedded')).toBe(true);
    expect(usage).toEqual({ requests: 0, promptTokens: 0, completionTokens: 0, cacheHits: 0, fallbacks: 0 });
  });
});
