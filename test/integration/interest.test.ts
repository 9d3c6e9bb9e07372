// Audience interest on the demo, end to end: recorded channel feeds and page views crawled through the real fetcher on
// 127.0.0.1, videos linked to titles, series and comps with known answers, forecasts and their scores, and where
// people see it — digest, brief, alert, answer, API — then a second cycle on the next recorded snapshots.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { runCycle, type CycleReport } from '../../shared/cycle/run-cycle.js';
import { validateBlocks } from '../../shared/delivery/alerts/blocks.js';
import type { InterestDetail, InterestOverview } from '../../shared/model/interest.js';
import { buildQuerySide, type QuerySide } from '../../functions/local/query-app.js';
import { openDemoData, type DemoData } from '../support/demo-data.js';

let data: DemoData;
let side: QuerySide;
let key: string;

beforeAll(async () => {
  data = await openDemoData();
  side = buildQuerySide({ ...data.config, apiCacheSeconds: 0 }, data.workspace, data.runtime);
  key = (await createApiKey(data.runtime.keys, 'interest')).key;
}, 180_000);

afterAll(async () => {
  await data?.close();
});

const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
  const res = await side.app.request(path, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, body: (await res.json()) as T };
};

describe('the first cycle over the demo', () => {
  it('crawls 10 channel feeds and 18 articles through the fetcher, and links the videos to titles and kinds', async () => {
    const c = data.cycle.crawl;
    const yt = c.sources.filter((s) => s.id.startsWith('yt-'));
    const wiki = c.sources.filter((s) => s.id.startsWith('wiki-'));
    expect(yt).toHaveLength(10);
    expect(wiki).toHaveLength(18);
    expect([...yt, ...wiki].every((s) => s.status === 'ok' && s.newItems === 0)).toBe(true);
    expect(yt.find((s) => s.id === 'yt-universal')?.interest).toEqual({ kind: 'youtube', videos: 8, counts: 8 });
    expect(wiki.find((s) => s.id === 'wiki-glimmerglass')?.interest).toEqual({ kind: 'pageviews', videos: 0, counts: 60 });
    // News and charts keep their own figures.
    expect(c.totals.newItems).toBe(302);
    expect(data.cycle.collisions).toHaveLength(6);
    expect(data.cycle.surprises.map((s) => s.title)).toEqual(['Glimmerglass']);

    const r = data.cycle.interest!;
    expect(r).toMatchObject({ videos: 42, linked: 39, latestObservationAt: '2026-11-26T20:00:00.000Z', latestPageviewDay: '2026-11-25' });
    const videos = await data.runtime.interest.recentVideos('2026-01-01');
    const links = await data.runtime.interest.videoLinks(videos.map((v) => v.videoId));
    const linkOf = (posted: string) => links.get(videos.find((v) => v.title === posted)!.videoId);
    expect(linkOf('Iron Meridian (2027) Official Trailer – Dax Holloway, Odessa Lark')).toMatchObject({ title: 'Iron Meridian', kind: 'trailer' });
    expect(linkOf('Skyward Sprocket - Final Trailer [HD]')).toMatchObject({ title: 'Skyward Sprocket', kind: 'final_trailer' });
    expect(linkOf('STATIC GIRL | Red Band Trailer | NEON')).toMatchObject({ title: 'Static Girl', kind: 'trailer' });
    expect(linkOf('THE LANTERN KEEPER | Official Teaser | Harbor Light Pictures')).toMatchObject({ title: 'The Lantern Keeper', kind: 'teaser' });
    expect(linkOf("Grave Tidings (2026) TV Spot 'Wake'")).toMatchObject({ title: 'Grave Tidings', kind: 'spot' });
    expect(linkOf('MEET ME IN MARSEILLE – First Look')).toMatchObject({ title: 'Meet Me in Marseille', kind: 'clip' });
    expect(linkOf('Tidepool | Final Trailer')).toMatchObject({ title: 'Tidepool', kind: 'final_trailer' });
    expect(linkOf('Glimmerglass - Behind the Music Featurette [HD]')).toMatchObject({ title: 'Glimmerglass', kind: 'other' });
    expect(linkOf('Harbor Light Pictures | 2027 Slate Preview')).toMatchObject({ title: null, kind: 'other' });
  });

  it('puts a competitor trailer against its comps at the furthest milestone it reached, naming them', () => {
    const iron = data.cycle.interest!.titles.find((t) => t.title === 'Iron Meridian')!;
    expect(iron.headline).toMatchObject({
      metric: 'trailer_views',
      label: 'trailer at day 3',
      videoTitle: 'Iron Meridian (2027) Official Trailer – Dax Holloway, Odessa Lark',
      milestone: 'h72',
      value: 11_102_899,
      compsMedian: 5_392_460,
      ratio: 2.06,
    });
    expect(iron.headline!.comps.map((c) => c.title)).toEqual(['Kingdom of Salt', 'Spirit Blade: The Crimson Gate', 'Starbreaker']);
    // Our title: its first trailer a week in, and its page views 16 days before release, both against the same four comps.
    const lantern = data.cycle.interest!.titles.find((t) => t.title === 'The Lantern Keeper')!;
    expect(lantern.trailer).toMatchObject({ label: 'first trailer at day 7', value: 6_792_777, ratio: 0.94 });
    expect(lantern.pageviews).toMatchObject({ label: 'page views a day, week to Nov 25, 16 days before release', ratio: 0.97 });
    expect(lantern.pageviews!.comps.map((c) => c.title)).toEqual(['Glimmerglass', 'Spirit Blade: The Crimson Gate', 'A Very Fletcher Christmas', 'Kingdom of Salt']);
  });

  it('forecasts the openings of the next 8 weeks from comparable openings, says why a title has none, and scores earlier forecasts', () => {
    const r = data.cycle.interest!;
    const f = Object.fromEntries(r.forecasts.map((x) => [x.title, x]));
    expect(Object.keys(f).sort()).toEqual(['Skyward Sprocket', 'The Lantern Keeper']);
    expect(f['The Lantern Keeper']).toMatchObject({ releaseDate: '2026-12-11', low: 10_600_000, mid: 15_700_000, high: 21_400_000, confidence: 'medium', relativeInterest: 0.95, isSlate: true });
    expect(f['The Lantern Keeper']!.comps.map((c) => [c.title, c.opening, c.estimate])).toEqual([
      ['Glimmerglass', 71_804_225, 27_900_000],
      ['Spirit Blade: The Crimson Gate', 10_902_114, 12_100_000],
      ['A Very Fletcher Christmas', 9_811_604, 19_200_000],
      ['Kingdom of Salt', 7_213_087, 6_200_000],
    ]);
    expect(f['Skyward Sprocket']).toMatchObject({ low: 24_600_000, mid: 36_400_000, high: 49_800_000, confidence: 'medium' });
    expect(r.notForecast.map((n) => n.title).sort()).toEqual(['Saltwater Saints', 'The Quiet Coast']);
    // The forecasts the demo's deployment made on Nov 13, scored by this cycle against the Nov 20 openings.
    expect(r.scored.map((s) => [s.title, s.forecast.mid, s.actual.gross, s.error, s.inRange]).sort()).toEqual([
      ['A Very Fletcher Christmas', 6_700_000, 9_811_604, -0.317, true],
      ['Glimmerglass', 38_000_000, 71_804_225, -0.471, false],
    ]);
  });

  it('alerts once on the competitor title over its comps near our date, through the ledger, in valid Block Kit', async () => {
    const sent = data.cycle.alerts.alerts.filter((a) => a.kind === 'interest_over_comps');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: 'sent', title: 'Iron Meridian', summary: 'Audience interest above comps: Iron Meridian (Lionsgate): trailer at day 3 at 2.06× comps' });
    expect(sent[0]!.key).toBe('alert:harbor-light-pictures-competitive-intel-demo:interest:iron-meridian:1.5');
    const lines = (await readFile(join(data.config.outDir, 'alerts.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const line = lines.find((l) => l.kind === 'interest_over_comps');
    expect(validateBlocks(line.payload)).toEqual([]);
    const body = JSON.stringify(line.payload);
    expect(body).toContain("Iron Meridian's trailer has 11.1M views at day 3: 2.06× the median of 3 comparable titles (Kingdom of Salt 5.4M, Spirit Blade: The Crimson Gate 4.8M, Starbreaker 18.7M)");
    expect(body).toContain('the same weekend as Deadfall Protocol (Jan 22, 2027)');
  });

  it('quotes their trailer against comps in the counter-programming brief', async () => {
    const briefs = (await data.runtime.briefs.listBriefs({ limit: 20 })).items;
    const deadfall = briefs.find((b) => b.competitorTitle === 'Iron Meridian')!;
    expect(deadfall.interest?.[0]).toBe('Their trailer is at 2.06× comps at day 3 (11.1M views; comps Kingdom of Salt, Spirit Blade: The Crimson Gate, Starbreaker).');
    expect(deadfall.interest?.[1]).toBe('Ours (Deadfall Protocol): teaser at day 7 0.43× comps.');
    const lantern = briefs.find((b) => b.competitorTitle === 'Skyward Sprocket')!;
    expect(lantern.interest).toContain('Opening forecasts: Skyward Sprocket $36.4M ($24.6M–$49.8M, medium confidence) vs The Lantern Keeper $15.7M ($10.6M–$21.4M, medium confidence).');
  });

  it('has an Audience interest section with its chart in the digest', async () => {
    const eml = await readFile(join(data.config.outDir, 'digest-2026-W48.eml'), 'utf8');
    expect(eml).toMatch(/Content-ID: <interest-chart>/i);
    const html = await readFile(join(data.config.outDir, 'digest-2026-W48.html'), 'utf8');
    expect(html).toContain('Audience interest');
    expect(html).toMatch(/<img\s+alt="Interest against comps: our titles beside their competitors" src="digest-2026-W48-1\.png"/);
    const digest = await data.runtime.digests.latestDigest(data.workspace.name);
    const interest = (digest!.brief as { interest: { pairs: Array<{ ours: { title: string; index: number | null }; theirs: Array<{ title: string; index: number | null }> }> } }).interest;
    expect(interest.pairs.map((p) => [p.ours.title, p.ours.index, p.theirs.map((t) => [t.title, t.index])])).toEqual([
      ['The Lantern Keeper', 0.95, [['Skyward Sprocket', 2.74]]],
      ['Saltwater Saints', null, [['The Quiet Coast', null]]],
      ['Deadfall Protocol', 0.43, [['Iron Meridian', 2.06]]],
      ['Paper Moons', 1.18, [['Meet Me in Marseille', null]]],
    ]);
  });

  it('answers "how is <title>\'s trailer doing?" with the figures and the video it rests on', async () => {
    const r = await side.ask("How is Iron Meridian's trailer doing?");
    expect(r.understood).toBe('Audience interest: Iron Meridian against comparable titles');
    expect(r.answer).toBe(
      'Audience interest: Iron Meridian against comparable titles.\nIron Meridian (Lionsgate, dated Jan 22, 2027): its trailer has 11.1M views at day 3, 2.06× the median of 3 comparable titles at the same point (Kingdom of Salt 5.4M, Spirit Blade: The Crimson Gate 4.8M, Starbreaker 18.7M) [1].',
    );
    expect(r.citations).toEqual([{ n: 1, itemId: null, url: expect.stringMatching(/^https:\/\/www\.youtube\.example\/watch\?v=/), title: 'Iron Meridian (2027) Official Trailer – Dax Holloway, Odessa Lark', source: 'YouTube channel feed', publishedAt: null }]);
    const ours = await side.ask('How are The Lantern Keeper trailers tracking?');
    expect(ours.answer).toMatch(/^Audience interest: The Lantern Keeper against comparable titles\.\nThe Lantern Keeper \(Harbor Light Pictures, dated Dec 11, 2026\): its trailer has 6\.8M views at day 7, 0\.94× the median of 4 comparable titles/);
    expect(ours.answer).toMatch(/\nWikipedia page views: 6K a day in the week to Nov 25, 16 days before release, 0\.97× comps as many days before their openings \(Glimmerglass 26K, .*\) \[2\]\.\nOpening forecast: \$15\.7M \(\$10\.6M–\$21\.4M, medium confidence\), from Glimmerglass \$71\.8M/);
    expect(ours.citations[1]).toMatchObject({ title: 'Wikipedia page views: The Lantern Keeper (film)', source: 'Wikimedia REST API', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/wikimedia\/api\/rest_v1\/metrics\/pageviews\/per-article\/en\.wikipedia\/all-access\/user\/The_Lantern_Keeper_\(film\)\/daily\/\d{8}\/\d{8}$/) });
    const none = await side.ask('How is the Kingfisher trailer doing?');
    expect(none.answer).toBe('Audience interest: Kingfisher against comparable titles.\nI have no trailer views or page views of Kingfisher in the store.');
  });

  it('serves every title against comps and one title in detail on GET /v1/interest', async () => {
    const o = await get<InterestOverview>('/v1/interest');
    expect(o.status).toBe(200);
    expect(o.body.asOf).toBe('2026-11-26');
    expect(o.body.titles.slice(0, 4).map((t) => t.title)).toEqual(['The Lantern Keeper', 'Skyward Sprocket', 'Saltwater Saints', 'The Quiet Coast']);
    expect(o.body.scores.map((s) => s.title).sort()).toEqual(['A Very Fletcher Christmas', 'Glimmerglass']);
    const d = await get<InterestDetail>('/v1/interest?title=The%20Lantern%20Keeper');
    expect(d.status).toBe(200);
    expect(d.body.videoSeries.map((v) => [v.kind, v.milestones.h24 !== null, v.milestones.d7 !== null])).toEqual([
      ['teaser', true, true],
      ['trailer', true, true],
      ['trailer', true, true],
    ]);
    expect(d.body.pageviewSeries).toHaveLength(60);
    expect(d.body.compVideos.map((c) => c.title)).toEqual(['Glimmerglass', 'Spirit Blade: The Crimson Gate', 'A Very Fletcher Christmas', 'Kingdom of Salt']);
    expect(d.body.forecast?.mid).toBe(15_700_000);
    expect((await get('/v1/interest?title=Not%20A%20Film')).status).toBe(404);
    expect((await get('/v1/interest?title=')).status).toBe(400);
  });
});

describe('a second cycle', () => {
  let second: CycleReport;
  beforeAll(async () => {
    second = await runCycle(data.workspace, data.runtime, { force: true });
  }, 180_000);

  it('reads the next recorded snapshot of every interest source: the series grow, nothing else is new', async () => {
    const c = second.crawl;
    expect(c.sources.filter((s) => /^(yt|wiki)-/.test(s.id)).every((s) => s.status === 'ok')).toBe(true);
    expect(c.sources.filter((s) => !/^(yt|wiki)-/.test(s.id)).every((s) => s.status === 'not_modified')).toBe(true);
    expect(second.interest).toMatchObject({ latestObservationAt: '2026-11-27T20:00:00.000Z', latestPageviewDay: '2026-11-26', newlyLinked: 0 });
    const d = (await get<InterestDetail>('/v1/interest?title=Iron%20Meridian')).body;
    const trailer = d.videoSeries[0]!;
    expect(trailer.observedAt).toBe('2026-11-27T20:00:00.000Z');
    const last = trailer.points.at(-1)!;
    const before = trailer.points.at(-2)!;
    expect(last.hours).toBe(99);
    expect(last.views).toBeGreaterThan(before.views);
  });

  it('does not alert on the same title and threshold again', () => {
    const again = second.alerts.alerts.filter((a) => a.kind === 'interest_over_comps');
    expect(again.map((a) => a.status)).toEqual(['already_sent']);
    expect(second.interest!.scored).toEqual([]);
  });
});
