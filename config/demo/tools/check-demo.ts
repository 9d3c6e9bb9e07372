// Sanity checks for the demo workspace: schema, feed well-formedness + item counts (rss-parser),
// newsroom selectors (cheerio), chart tables, date window, link targets, ground-truth stats.
// Usage: npx tsx config/demo/tools/check-demo.ts
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import Parser from 'rss-parser';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { Workspace } from '../../../shared/model/workspace.ts';
import { parseInterestDocument } from '../../../shared/ingest/parse/parse-interest.ts';

const demo = join(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(demo, 'site');
const problems: string[] = [];
const fail = (m: string) => problems.push(m);

const ws = Workspace.parse(parseYaml(readFileSync(join(demo, 'workspace.yaml'), 'utf8')));
const clock = Date.parse(ws.clock!);
const earliest = Date.parse('2026-10-05T00:00:00Z');
const base = ws.baseUrl!;
console.log(`workspace ok: ${ws.sources.length} sources, ${ws.competitors.length} competitors, ${ws.slate.length} slate titles`);

const fileOf = (url: string) => join(site, new URL(url, base).pathname.replace(/^\//, ''));
function decode(buf: Buffer): string {
  const head = buf.subarray(0, 200).toString('latin1');
  const enc = /encoding="([^"]+)"/i.exec(head)?.[1] ?? 'utf-8';
  if (!iconv.encodingExists(enc)) throw new Error(`unknown encoding ${enc}`);
  return iconv.decode(buf, enc);
}

const counts: Record<string, number> = {};
let total = 0;
const parser = new Parser({ customFields: { item: ['dc:date', 'dc:creator'] } });
for (const s of ws.sources) {
  if (s.kind === 'youtube' || s.kind === 'pageviews') {
    // Recorded responses served in sequence: a `<path>@<query>.seq` (channel feed) or `<article>/daily.seq` folder.
    const u = new URL(s.url, base);
    const dir = s.kind === 'youtube'
      ? join(site, u.pathname.replace(/^\//, '')) + `@${decodeURIComponent(u.search.slice(1))}.seq`
      : join(site, u.pathname.replace(/^\//, ''), 'metrics/pageviews/per-article', s.project, 'all-access/user', s.article!, 'daily.seq');
    if (!existsSync(dir)) { fail(`${s.id}: missing recordings ${dir}`); continue; }
    const files = readdirSync(dir).filter((f) => f.endsWith('.http')).sort();
    const sizes = files.map((f) => {
      try {
        const r = parseInterestDocument(new Uint8Array(readFileSync(join(dir, f))), { name: f, kind: s.kind as 'youtube' | 'pageviews' });
        if (!r.servedAt) fail(`${s.id}/${f}: recorded response without a Date header`);
        return r.kind === 'youtube' ? r.videos.length : r.points.length;
      } catch (e) {
        fail(`${s.id}/${f}: ${(e as Error).message}`);
        return 0;
      }
    });
    console.log(`  ${s.id.padEnd(22)} ${files.length} recorded snapshots (${sizes.join('/')} ${s.kind === 'youtube' ? 'videos' : 'days'})`);
    continue;
  }
  const path = fileOf(s.url);
  if (!existsSync(path)) { fail(`${s.id}: missing file ${path}`); continue; }
  const buf = readFileSync(path);
  if (s.kind === 'rss') {
    const text = decode(buf);
    if (text.includes('\uFFFD')) fail(`${s.id}: replacement character after decoding`);
    try {
      const feed = await parser.parseString(text);
      counts[s.id] = feed.items.length;
      total += feed.items.length;
      let undated = 0, emptyTitle = 0;
      for (const it of feed.items) {
        const raw = (it as any).isoDate ?? (it as any)['dc:date'] ?? it.pubDate;
        if (!raw) { undated++; continue; }
        const t = Date.parse(raw);
        if (Number.isNaN(t)) fail(`${s.id}: unparseable date "${raw}"`);
        else if (t > clock || t < earliest) fail(`${s.id}: date ${raw} outside window`);
        if (!it.title) emptyTitle++;
        if (!it.link) fail(`${s.id}: item without link`);
      }
      console.log(`  ${s.id.padEnd(22)} ${String(feed.items.length).padStart(3)} items  (${feed.title}; undated ${undated}, empty titles ${emptyTitle})`);
    } catch (e) {
      fail(`${s.id}: not well-formed / not a feed: ${(e as Error).message}`);
    }
  } else if (s.kind === 'html') {
    const $ = cheerio.load(buf.toString('utf8'));
    const sel = s.selectors;
    const items = $(sel.item);
    counts[s.id] = items.length;
    total += items.length;
    if (!items.length) fail(`${s.id}: item selector matched nothing`);
    items.each((_, el) => {
      const e = $(el);
      const title = e.find(sel.title).first().text().trim();
      const a = sel.link ? e.find(sel.link).first() : e.find('a[href]').first();
      const href = a.attr('href');
      const dateEl = sel.date ? e.find(sel.date).first() : null;
      const rawDate = dateEl?.attr('datetime') ?? dateEl?.text().trim();
      const summary = sel.summary ? e.find(sel.summary).first().text().trim() : 'n/a';
      const cat = sel.category ? e.find(sel.category).first().text().trim() : 'n/a';
      if (!title) fail(`${s.id}: entry without title`);
      if (!href) { fail(`${s.id}: entry without link (${title})`); return; }
      const abs = new URL(href, new URL(s.url, base));
      const target = join(site, abs.pathname.replace(/^\//, ''));
      if (!existsSync(target)) fail(`${s.id}: link target missing ${abs.href}`);
      const t = rawDate ? Date.parse(rawDate) : NaN;
      if (Number.isNaN(t)) fail(`${s.id}: bad date "${rawDate}"`);
      else if (t > clock || t < earliest) fail(`${s.id}: date ${rawDate} outside window`);
      if (!summary || !cat) fail(`${s.id}: summary/category selector empty for "${title}"`);
    });
    console.log(`  ${s.id.padEnd(22)} ${String(items.length).padStart(3)} items  (selectors ok: item/title/link/date/summary/category)`);
  } else {
    const $ = cheerio.load(buf.toString('utf8'));
    if (s.layout === 'boxofficemojo') {
      const table = $('#table table.mojo-body-table');
      const header = table.find('tr').first().find('th').map((_, th) => $(th).text().trim()).get();
      const rows = table.find('tr').slice(1);
      console.log(`  ${s.id.padEnd(22)} ${String(rows.length).padStart(3)} rows   h1="${$('h1').first().text().trim()}" range="${$('h4').first().text().trim()}" [${header.join(' | ')}]`);
      if (!rows.length) fail(`${s.id}: no chart rows`);
    } else {
      const table = $('#box_office_weekend_table');
      const header = table.find('tr').first().find('th').map((_, th) => $(th).text().trim()).get();
      const rows = table.find('tr').slice(1);
      console.log(`  ${s.id.padEnd(22)} ${String(rows.length).padStart(3)} rows   h1="${$('h1').first().text().trim()}" [${header.join(' | ')}]`);
      if (!rows.length) fail(`${s.id}: no chart rows`);
    }
  }
}

// cp1252 feed really contains high bytes
const iwRaw = readFileSync(join(site, 'feeds/indiewire-weekly.xml'));
const high = [...iwRaw].filter((b) => b >= 0x80).length;
if (!high || iwRaw.includes(Buffer.from([0xc3, 0xa9]))) fail('indiewire-weekly: expected raw windows-1252 high bytes, found none or UTF-8 sequences');
console.log(`indiewire-weekly.xml: ${high} bytes >= 0x80 (windows-1252)`);

// ground truth
const truth = JSON.parse(readFileSync(join(demo, 'ground-truth.json'), 'utf8'));
const stories = truth.stories as any[];
const multi = stories.filter((s) => new Set(s.versions.map((v: any) => v.outlet)).size >= 2);
const rewritten = multi.filter((s) => s.versions.filter((v: any) => !v.copyOf).length >= 2);
const copies = stories.flatMap((s) => s.versions).filter((v: any) => v.copyOf).length;
const collisions = stories.filter((s) => s.collision);
console.log(`ground truth: ${stories.length} stories, ${multi.length} in 2+ outlets (${rewritten.length} with 2+ rewritten versions), ${copies} exact syndicated copies, ${collisions.length} planted collisions`);
if (truth.counts.total !== total) fail(`ground truth total ${truth.counts.total} != parsed total ${total}`);
console.log(`total feed + newsroom items: ${total}`);

if (problems.length) { console.error(`\n${problems.length} problem(s):\n - ` + problems.join('\n - ')); process.exit(1); }
console.log('\nall checks passed');
