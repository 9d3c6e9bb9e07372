// Evaluates story clustering on the bundled demo (ground truth in config/demo/ground-truth.json): pairwise precision/recall.
// Run: npx tsx test/bench/eval-clustering.ts [--threshold 0.42]
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from '../../shared/ingest/parse/parse-document.js';
import { loadWorkspaceFile } from '../../shared/config/workspace-file.js';
import { clusterDocs, DEFAULT_CLUSTER_THRESHOLD, type ClusterDoc, type ClusterHint } from '../../shared/analysis/cluster.js';
import { createEmbeddedAnalyst } from '../../agents/analyst/embedded/embedded-analyst.js';

interface Truth { stories: Array<{ id: string; versions: Array<{ url: string; sourceId: string }> }> }

/** Parses every demo feed and newsroom into cluster documents labeled with their ground-truth story. */
export async function loadDemoDocs(): Promise<{ docs: ClusterDoc[]; label: Map<string, string> }> {
  const ws = await loadWorkspaceFile('config/demo/workspace.yaml');
  const truth = JSON.parse(await readFile('config/demo/ground-truth.json', 'utf8')) as Truth;
  const byUrl = new Map<string, string>();
  for (const s of truth.stories) for (const v of s.versions) byUrl.set(v.url.replace(/[?#].*$/, '').replace(/\/$/, ''), s.id);
  const docs: ClusterDoc[] = [];
  const label = new Map<string, string>();
  for (const src of ws.sources.filter((s) => s.kind === 'rss' || s.kind === 'html')) {
    const url = new URL(src.url, ws.baseUrl).toString();
    const path = join('config/demo/site', new URL(url).pathname);
    const bytes = new Uint8Array(await readFile(path));
    const r = await parseDocument(bytes, { name: path, kind: src.kind, baseUrl: url, selectors: src.kind === 'html' ? src.selectors : undefined });
    if (r.kind === 'boxoffice') continue;
    r.items.forEach((it, i) => {
      const id = `${src.id}#${i}`;
      docs.push({ id, title: it.title, text: it.text, time: it.publishedAt ?? '2026-11-26T00:00:00.000Z', sourceId: src.id });
      const key = (it.url ?? '').replace(/[?#].*$/, '').replace(/\/$/, '');
      if (byUrl.has(key)) label.set(id, byUrl.get(key)!);
    });
  }
  return { docs, label };
}

/** Pairwise precision and recall of a clustering against labels (only labeled docs count). */
export function pairwise(clusters: Array<{ itemIds: string[] }>, label: Map<string, string>) {
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, i) => c.itemIds.forEach((id) => clusterOf.set(id, i)));
  const ids = [...label.keys()].filter((id) => clusterOf.has(id));
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const same = label.get(ids[i]!) === label.get(ids[j]!);
      const together = clusterOf.get(ids[i]!) === clusterOf.get(ids[j]!);
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), truePairs: tp + fn };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv.indexOf('--threshold');
  const thresholds = arg > 0 ? [Number(process.argv[arg + 1])] : [0.3, 0.35, 0.4, DEFAULT_CLUSTER_THRESHOLD, 0.45, 0.5, 0.55];
  const { docs, label } = await loadDemoDocs();
  const ws = await loadWorkspaceFile('config/demo/workspace.yaml');
  const rules = createEmbeddedAnalyst({ competitors: ws.competitors, slate: ws.slate });
  const hintCache = new Map<string, ClusterHint>();
  const hint = (d: ClusterDoc): ClusterHint => {
    let h = hintCache.get(d.id);
    if (!h) {
      const x = rules.extract({ title: d.title, text: d.text, publishedAt: d.time });
      h = { type: x.type, titles: x.titles, people: x.people };
      hintCache.set(d.id, h);
    }
    return h;
  };
  console.log(`demo: ${docs.length} items, ${label.size} labeled, ${new Set(label.values()).size} true stories`);
  for (const threshold of thresholds) {
    for (const useHints of [false, true]) {
      const t0 = performance.now();
      const clusters = clusterDocs(docs, [], { threshold, hint: useHints ? hint : undefined });
      const ms = performance.now() - t0;
      const p = pairwise(clusters, label);
      console.log(`threshold ${threshold.toFixed(2)} ${useHints ? 'with rule hints' : 'text only     '}: ${clusters.length} stories, pairwise precision ${p.precision.toFixed(3)} recall ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)} (${ms.toFixed(0)} ms)`);
    }
  }
  console.log('command: npx tsx test/bench/eval-clustering.ts');
}
