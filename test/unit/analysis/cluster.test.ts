// Story clustering: rewrites across outlets become one story, different news about one title stays apart.
import { describe, expect, it } from 'vitest';
import { clusterDocs, hintAdjustment, type ClusterDoc, type ClusterHint } from '../../../shared/analysis/cluster.js';
import { createEmbeddedAnalyst } from '../../../agents/analyst/embedded/embedded-analyst.js';
import { loadWorkspaceFile } from '../../../shared/config/workspace-file.js';
import { loadDemoDocs, pairwise } from '../../bench/eval-clustering.js';

const rules = createEmbeddedAnalyst({ competitors: [], slate: [] });
const ruleHint = (d: ClusterDoc): ClusterHint => {
  const x = rules.extract({ title: d.title, text: d.text, publishedAt: d.time });
  return { type: x.type, titles: x.titles, people: x.people };
};

const doc = (id: string, title: string, text: string, time: string, sourceId = id.split('-')[0]!): ClusterDoc => ({ id, title, text, time, sourceId });

describe('clusterDocs', () => {
  it('joins rewrites of the same move and keeps a later trailer for the same title apart', () => {
    const docs = [
      doc('dw-1', "Universal Moves Illumination's 'Skyward Sprocket' Up Two Weeks To Dec. 11", 'Universal has moved the animated Skyward Sprocket from Dec. 25 to Dec. 11, 2026.', '2026-11-17T18:12:00Z'),
      doc('hl-1', "'Skyward Sprocket' Flies Into December: Universal Shifts Illumination Toon to Dec. 11", 'The Illumination toon Skyward Sprocket now opens Dec. 11 instead of Christmas Day, Universal said.', '2026-11-17T19:40:00Z'),
      doc('vi-1', "Universal Accelerates 'Skyward Sprocket' Release, Setting Up December Family Showdown", 'Skyward Sprocket moves up two weeks to Dec. 11.', '2026-11-17T21:05:00Z'),
      doc('dw-2', "'Skyward Sprocket' Trailer: Illumination Unveils Final Look", 'Universal released the final trailer for Skyward Sprocket on Thursday.', '2026-11-20T16:00:00Z'),
    ];
    const clusters = clusterDocs(docs, [], { hint: ruleHint });
    expect(clusters.map((c) => c.itemIds)).toEqual([['dw-1', 'hl-1', 'vi-1'], ['dw-2']]);
  });

  it('joins a new item to an existing story, and never across the time window', () => {
    const existing = [{ id: 's_old', docs: [doc('dw-1', "Neon Buys 'Salt Lines' Out of AFM in $8M Deal", 'Neon has acquired North American rights to Salt Lines for $8M.', '2026-11-05T10:00:00Z')] }];
    const fresh = [
      doc('vi-1', "Neon Lands AFM Hot Title 'Salt Lines' for $8M", 'Neon paid $8M for North American rights to Salt Lines.', '2026-11-05T15:00:00Z'),
      doc('hl-1', "Neon Buys 'Salt Lines' Out of AFM in $8M Deal", 'Neon has acquired North American rights to Salt Lines for $8M.', '2026-11-12T10:00:00Z'),
    ];
    const clusters = clusterDocs(fresh, existing, { hint: ruleHint });
    expect(clusters).toEqual([{ id: 's_old', itemIds: ['dw-1', 'vi-1'] }, { id: null, itemIds: ['hl-1'] }]);
  });

  it('hints pull the same event together and push different events apart', () => {
    const a: ClusterHint = { type: 'greenlight', titles: ['Static Girl 2'] };
    expect(hintAdjustment(a, { type: 'greenlight', titles: ['Static Girl'] })).toBeGreaterThan(0.2);
    expect(hintAdjustment(a, { type: 'trailer', titles: ['Other'] })).toBeLessThan(0);
    expect(hintAdjustment({ type: 'executive', titles: [], people: ['Carla Benedetti'] }, { type: 'executive', titles: [], people: ['carla benedetti'] })).toBeGreaterThan(0.2);
  });

  it('reaches pairwise F1 >= 0.78 on the demo ground truth with rule hints', async () => {
    const { docs, label } = await loadDemoDocs();
    const ws = await loadWorkspaceFile('config/demo/workspace.yaml');
    const demoRules = createEmbeddedAnalyst({ competitors: ws.competitors, slate: ws.slate });
    const hint = (d: ClusterDoc): ClusterHint => {
      const x = demoRules.extract({ title: d.title, text: d.text, publishedAt: d.time });
      return { type: x.type, titles: x.titles, people: x.people };
    };
    const scores = pairwise(clusterDocs(docs, [], { hint }), label);
    console.log(`clustering on the demo: precision ${scores.precision.toFixed(3)} recall ${scores.recall.toFixed(3)} F1 ${scores.f1.toFixed(3)}`);
    expect(scores.f1).toBeGreaterThanOrEqual(0.78);
  });
});
