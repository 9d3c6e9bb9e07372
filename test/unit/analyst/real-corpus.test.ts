// The real-headline corpus (test/data/real/) holds together, and the embedded analyst does not slip on its TEST split.
// The floors sit a little below the figures `npm run eval:analyst` prints today: a regression fails here; the
// figures themselves (and the targets) are the benchmark's to report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbeddedAnalyst } from '../../../agents/analyst/embedded/embedded-analyst.js';
import { EVENT_TYPES } from '../../../shared/model/event.js';
import { REAL_DIR, RealRecord, loadRecords, loadSplits, splitRecords, testOutletAddress } from '../../bench/real-corpus.js';
import { evaluate, realStories, topGroup } from '../../bench/eval-analyst.js';

const records = loadRecords();
const splits = loadSplits();

describe('the real corpus', () => {
  it('has at least 600 schema-valid records with unique ids, each with its url and source', () => {
    expect(records.length).toBeGreaterThanOrEqual(600);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const r of records) {
      expect(RealRecord.safeParse(r).success).toBe(true);
      expect(r.source).toMatch(/^(https?:\/\/|[\w.-]+\/[\w.-]+@[0-9a-f]{7,40}:)/);
    }
  });

  it('is the parts joined: every record of corpus.jsonl is in exactly one part', () => {
    const parts = ['datasets', 'feeds', 'more-a', 'more-b', 'more-c', 'more-d', 'more-e', 'more-f', 'more-g', 'more-h', 'more-i', 'more-l', 'more-p', 'more-k', 'more-q', 'more-o', 'more-s', 'more-r', 'more-u', 'more-v', 'more-w', 'more-x', 'more-t', 'more-y', 'more-z', 'more-ab', 'more-ac', 'more-aa', 'more-ad', 'more-ae', 'more-af', 'more-ag', 'more-ah', 'more-ai', 'more-aj', 'more-ak', 'more-al', 'more-am', 'more-an', 'more-ao', 'more-ap', 'more-aq', 'more-ar', 'more-as', 'more-at'].flatMap((p) => loadRecords(join(REAL_DIR, 'parts', `${p}.jsonl`)));
    expect(parts.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
  });

  it('scores a label\'s studio by the company its name is an alias of, guarded aliases too ("Max" is HBO Max)', () => {
    const named = realStories('dev').flatMap((s) => s.label.studios);
    expect(named).toContain('HBO Max');
    expect(named).not.toContain('Max');
  });

  it('puts every outlet in exactly one split, and both splits cover all 12 types', () => {
    expect(splits.dev.filter((o) => splits.test.includes(o))).toEqual([]);
    const dev = splitRecords(records, splits, 'dev');
    const test = splitRecords(records, splits, 'test');
    // A dev record at a TEST outlet's address (a Reddit submission of a Variety headline) is in neither split.
    const testSet = new Set(splits.test);
    const leaked = records.filter((r) => !testSet.has(r.outlet) && testOutletAddress(r, testSet));
    expect(dev.some((r) => testOutletAddress(r, testSet))).toBe(false);
    expect(dev.length + test.length + leaked.length).toBe(records.length);
    for (const part of [dev, test]) expect(new Set(part.map((r) => r.label.type))).toEqual(new Set(EVENT_TYPES));
    expect(test.length).toBeGreaterThanOrEqual(600);
  });

  it('lists every source in LICENSES.md', () => {
    const licenses = readFileSync(join(REAL_DIR, 'LICENSES.md'), 'utf8');
    const repos = new Set(records.map((r) => r.source).filter((s) => !/^https?:/.test(s)).map((s) => s.split('@')[0]!));
    expect([...repos].filter((repo) => !licenses.includes(repo))).toEqual([]);
  });
});

describe('the embedded analyst on the TEST split (outlets never trained or tuned on)', () => {
  const e = evaluate(realStories('test'), createEmbeddedAnalyst({ competitors: [], slate: [] }), topGroup());

  it('keeps its event-type, studio and date figures', () => {
    console.log(
      `real TEST split (${e.n}): macro F1 ${e.macroF1.toFixed(3)}, type accuracy ${(e.accuracy * 100).toFixed(1)}%, studios exact ${(e.studioExact * 100).toFixed(1)}%, release dates ${(e.dates.accuracy * 100).toFixed(1)}%`,
    );
    expect(e.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.79);
    expect(e.studioExact).toBeGreaterThanOrEqual(0.9);
    expect(e.dates.accuracy).toBeGreaterThanOrEqual(0.74);
  });
});
