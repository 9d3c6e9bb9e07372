#!/usr/bin/env node
// Writes the demo trade feeds (config/demo/site/feeds/*.xml), the two competitor newsroom pages
// (config/demo/site/newsroom/*.html + detail pages) and config/demo/ground-truth.json from the
// story files in ./news/ (rendering: news-site.mjs). The IndieWire Weekly feed is written in
// windows-1252 (see cp1252.mjs).
// Usage: node config/demo/tools/gen-news.mjs
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOCK, OUTLETS, buildNewsSite } from './news-site.mjs';
import releases from './news/releases.mjs';
import boxoffice from './news/boxoffice.mjs';
import people from './news/people.mjs';
import deals from './news/deals.mjs';
import promo from './news/promo.mjs';
import awards from './news/awards.mjs';
import misc from './news/misc.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const demoDir = join(here, '..');
const siteDir = join(demoDir, 'site');

/** Every demo story, in the order the feeds and the ground truth list them. */
export const DEMO_STORIES = [...releases, ...boxoffice, ...people, ...deals, ...promo, ...awards, ...misc];

function main() {
  const stories = DEMO_STORIES;
  const { files, items, counts } = buildNewsSite(stories);

  // ---------------------------------------------------------------- write
  rmSync(join(siteDir, 'feeds'), { recursive: true, force: true });
  rmSync(join(siteDir, 'newsroom'), { recursive: true, force: true });
  for (const f of files) {
    const p = join(siteDir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }

  // ---------------------------------------------------------------- ground truth
  const truth = {
    generatedBy: 'config/demo/tools/gen-news.mjs',
    clock: new Date(CLOCK).toISOString(),
    sources: Object.fromEntries(Object.entries(OUTLETS).map(([k, o]) => [k, { sourceId: o.id, name: o.name, url: o.file }])),
    counts: { ...counts, total: items.length },
    stories: stories.map((st) => ({
      id: st.id, type: st.type, collision: st.collision ?? null, studios: st.studios ?? [], titles: st.titles ?? [],
      flags: st.flags ?? [],
      versions: items.filter((it) => it.story === st).map((it) => ({
        outlet: it.outletKey, sourceId: it.o.id, url: it.canonical, title: it.v.emptyTitle ? '' : it.h,
        publishedAt: it.v.noDate ? null : it.date.toISOString(), copyOf: it.copyOf,
      })),
    })),
  };
  writeFileSync(join(demoDir, 'ground-truth.json'), JSON.stringify(truth, null, 1) + '\n');

  const multi = stories.filter((s) => new Set(s.v.map((v) => v.o)).size >= 2);
  const rewritten = multi.filter((s) => s.v.filter((v) => !v.copyOf).length >= 2);
  const copies = items.filter((it) => it.copyOf).length;
  console.log(`wrote ${files.length} files under ${siteDir}`);
  console.log('items per source:', counts);
  console.log(`total items: ${items.length}; stories: ${stories.length}; multi-outlet stories: ${multi.length} (with >=2 rewritten versions: ${rewritten.length}); exact syndicated copies: ${copies}`);
  const byType = {};
  for (const s of stories) byType[s.type] = (byType[s.type] ?? 0) + 1;
  console.log('stories by type:', byType);
  const recent = items.filter((it) => it.date >= Date.parse('2026-11-05T00:00:00Z')).length;
  console.log(`items dated on/after Nov 5: ${recent} of ${items.length}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
