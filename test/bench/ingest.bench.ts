// Ingest benchmark: bare rss-parser against our parse+normalize+dedupe pipeline on a 10,000-item RSS 2.0 feed.
// Run: npx tsx test/bench/ingest.bench.ts   (or npm run bench:ingest)
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Parser from 'rss-parser';
import { SeenSet } from '../../shared/ingest/dedupe.js';
import { parseFeed } from '../../shared/ingest/parse/rss.parser.js';

const ITEMS = 10_000;
const RUNS = 5;
const COMMAND = 'npx tsx test/bench/ingest.bench.ts';

const WORDS = (
  'studio box office opening weekend trailer premiere festival streaming release slate franchise sequel director ' +
  'casting awards campaign exhibitors theatrical window audience tracking domestic international debut gross ' +
  'marketing spend teaser poster screening critics score distributor acquisition rights series season finale'
).split(' ');
const TITLES = ['Midnight Harbor', 'The Glass Orchard', 'Paper Comets', 'Saltwater Kings', 'Northbound', 'Velvet Static'];
const AUTHORS = ['Dana Whitfield', 'Marco Ruiz', 'Priya Natarajan', 'Tom O\u2019Hare'];
const CATS = ['Film', 'TV', 'Box Office', 'Festivals', 'Streaming', 'Awards'];
const ZONES = ['+0000', 'GMT', 'EST', 'PDT', '-0500'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

let seed = 42;
function rand(n: number): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}
function pick<T>(xs: readonly T[]): T {
  return xs[rand(xs.length)]!;
}
function sentence(words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(WORDS));
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A realistic trade feed: HTML bodies of ~1-2 KB in CDATA, dc:creator, categories, RFC 822 dates, 5% duplicates. */
function makeFeed(): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const n = i % 20 === 19 ? i - 7 : i; // every 20th item repeats an earlier story
    seed = 1000 + n;
    const film = pick(TITLES);
    const title = `\u2018${film}\u2019 ${sentence(6).slice(0, -1)} &amp; more (#${n})`;
    const paras: string[] = [];
    const target = 800 + rand(800);
    let len = 0;
    while (len < target) {
      const p = `<p>${sentence(12)} <a href="https://www.example-trade.com/film/${n}-${len}/?utm_source=rss">${film}</a> ${sentence(10)} &ldquo;${sentence(5)}&rdquo;</p>`;
      paras.push(p);
      len += p.length;
    }
    const d = new Date(Date.UTC(2026, 0, 1) + n * 3_600_000);
    const date = `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}:00 ${pick(ZONES)}`;
    items.push(`<item>
  <title>${title}</title>
  <link>https://www.example-trade.com/${2026}/film/news/${film.toLowerCase().replace(/\s+/g, '-')}-${n}/?utm_source=rss&amp;utm_medium=feed</link>
  <guid isPermaLink="false">https://www.example-trade.com/?p=${100000 + n}</guid>
  <pubDate>${date}</pubDate>
  <dc:creator><![CDATA[${pick(AUTHORS)}]]></dc:creator>
  <category><![CDATA[${pick(CATS)}]]></category><category><![CDATA[${pick(CATS)}]]></category>
  <description><![CDATA[${sentence(25)} [&#8230;]]]></description>
  <content:encoded><![CDATA[<figure><img src="https://cdn.example-trade.com/${n}.jpg" alt=""/></figure>${paras.join('\n')}<script>track(${n})</script>]]></content:encoded>
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Example Trade</title>
<link>https://www.example-trade.com</link>
<description>Film and TV news</description>
${items.join('\n')}
</channel>
</rss>`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);

// A full GC before every timed run, so neither side pays for the garbage the other left behind.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Timing {
  times: number[];
  count: number;
}

async function timeOnce(run: () => Promise<number>, into: Timing): Promise<void> {
  collectGarbage();
  const t0 = performance.now();
  into.count = await run();
  into.times.push(performance.now() - t0);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

async function main(): Promise<void> {
  const xml = makeFeed();
  const now = new Date('2027-06-01T00:00:00Z');

  // One untimed pass each to warm the JIT.
  await new Parser().parseString(xml);
  await parseFeed({ body: xml, now });

  const bareRun = async (): Promise<number> => (await new Parser().parseString(xml)).items.length;
  let unique = 0;
  const oursRun = async (): Promise<number> => {
    const result = await parseFeed({ body: xml, now });
    const seen = new SeenSet();
    unique = result.items.filter((item) => seen.add(item)).length;
    return result.items.length;
  };
  // Interleaved, so drift in machine load hits both sides alike.
  const bareT: Timing = { times: [], count: 0 };
  const oursT: Timing = { times: [], count: 0 };
  for (let i = 0; i < RUNS; i++) {
    await timeOnce(bareRun, bareT);
    await timeOnce(oursRun, oursT);
  }
  clearInterval(sampler);
  const bare = { ms: median(bareT.times), count: bareT.count };
  const ours = { ms: median(oursT.times), count: oursT.count };

  const bareRate = (bare.count / bare.ms) * 1000;
  const ourRate = (ours.count / ours.ms) * 1000;
  const lines = [
    `command: ${COMMAND}`,
    `node: ${process.version} (${process.platform} ${process.arch})`,
    `feed: ${ITEMS} items, ${(Buffer.byteLength(xml) / 1024 / 1024).toFixed(1)} MiB, ${unique} unique after dedupe`,
    `median of ${RUNS} runs:`,
    `  bare rss-parser parseString:  ${bare.ms.toFixed(0)} ms  ${Math.round(bareRate).toLocaleString('en-US')} items/s`,
    `  parseFeed + SeenSet (ours):   ${ours.ms.toFixed(0)} ms  ${Math.round(ourRate).toLocaleString('en-US')} items/s`,
    `  ratio ours/bare: ${(ourRate / bareRate).toFixed(2)} (target >= 0.70)`,
    `peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
  ];
  console.log(lines.join('\n'));
}

await main();
