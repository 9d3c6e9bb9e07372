// Interest arithmetic with known answers: milestones from snapshots, page-view windows, video kinds and links, comps,
// the forecast from comps and signals, and the alert rule in valid Block Kit.
import { describe, expect, it } from 'vitest';
import { createVideoLinker, videoKind } from '../../../agents/analyst/embedded/video-link.js';
import { buildAlertMessage, validateBlocks } from '../../../shared/delivery/alerts/blocks.js';
import { pickComps, rankComps } from '../../../shared/interest/comps.js';
import { forecastOpening } from '../../../shared/interest/forecast.js';
import { interestAlerts } from '../../../shared/interest/interest-alerts.js';
import { milestones, quantile, viewsAt, windowAverage } from '../../../shared/interest/series.js';
import type { SignalResult } from '../../../shared/interest/signals.js';
import type { TrackedTitle } from '../../../shared/interest/tracked-titles.js';
import type { TitleInterest, ViewObservation } from '../../../shared/model/interest.js';
import { Workspace } from '../../../shared/model/workspace.js';

const obs = (at: string, views: number): ViewObservation => ({ videoId: 'v', at, views, likes: null });

describe('views at a milestone', () => {
  const pub = '2026-11-23T17:00:00.000Z';
  const series = [obs('2026-11-24T12:00:00.000Z', 600), obs('2026-11-24T18:00:00.000Z', 1000), obs('2026-11-26T12:00:00.000Z', 2000), obs('2026-11-26T18:00:00.000Z', 2300)];

  it('interpolates between the snapshots either side, and takes an exact hit as it is', () => {
    // 24 h after publication is 17:00 on the 24th: 5/6 of the way from 600 to 1000.
    expect(viewsAt(series, pub, 24)).toBe(933);
    // 72 h is 17:00 on the 26th: 5/6 of the way from 2000 to 2300.
    expect(viewsAt(series, pub, 72)).toBe(2250);
    expect(viewsAt([obs('2026-11-24T17:00:00.000Z', 777)], pub, 24)).toBe(777);
  });

  it('knows nothing before the milestone is reached, without a snapshot after it, or across a long gap', () => {
    expect(milestones(series, pub)).toEqual({ h24: 933, h72: 2250, d7: null });
    expect(viewsAt(series, pub, 72, '2026-11-26T16:00:00.000Z')).toBeNull(); // as of before day 3
    expect(viewsAt(series.slice(0, 2), pub, 72)).toBeNull();
    expect(viewsAt([obs('2026-11-23T18:00:00.000Z', 50), obs('2026-11-25T18:00:00.000Z', 1500)], pub, 24)).toBeNull(); // 48 h apart
    expect(viewsAt(series, null, 24)).toBeNull();
  });

  it('averages page views over a week, and not over a week with holes', () => {
    const days = Array.from({ length: 7 }, (_, i) => ({ date: `2026-11-${String(19 + i).padStart(2, '0')}`, views: 100 * (i + 1) }));
    expect(windowAverage(days, '2026-11-25')).toBe(400);
    expect(windowAverage(days.filter((_, i) => i % 2 === 0), '2026-11-25')).toBeNull();
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });
});

describe('video links', () => {
  it('reads the kind from the posted title', () => {
    expect(['Official Teaser Trailer [HD]', 'Final Trailer', 'Red Band Trailer', 'Trailer 2', 'TV Spot :30', "Big Game Spot 'Run'", 'Clip - "The Door"', 'First Look', 'Behind the Scenes Featurette'].map(videoKind)).toEqual([
      'teaser', 'final_trailer', 'trailer', 'trailer', 'spot', 'spot', 'clip', 'clip', 'other',
    ]);
  });

  it('links to a known title written in capitals, in another case, or as the leading segment; never a studio sizzle', () => {
    const linker = createVideoLinker();
    const out = linker.link(
      [
        { videoId: 'a', title: 'THE SALT ROAD | Official Trailer 2 | Northwind Pictures', description: '' },
        { videoId: 'b', title: 'Pip & the Paper Dragon | Teaser Trailer', description: '' },
        { videoId: 'c', title: 'Moonfall Harbor - Official Trailer [HD]', description: '' },
        { videoId: 'd', title: 'Northwind Pictures | 2027 Slate Preview', description: 'Our year ahead, from The Salt Road to more.' },
        { videoId: 'e', title: 'Official Clip', description: 'A scene from The Salt Road, in theaters January 15.' },
      ],
      ['The Salt Road', 'Pip & The Paper Dragon'],
    );
    expect(out).toEqual([
      { videoId: 'a', title: 'The Salt Road', kind: 'trailer' },
      { videoId: 'b', title: 'Pip & The Paper Dragon', kind: 'teaser' },
      { videoId: 'c', title: 'Moonfall Harbor', kind: 'trailer' },
      { videoId: 'd', title: null, kind: 'other' },
      { videoId: 'e', title: 'The Salt Road', kind: 'clip' },
    ]);
  });
});

const title = (t: Partial<TrackedTitle> & { title: string }): TrackedTitle => ({ key: t.title.toLowerCase(), distributor: null, isSlate: false, releaseDate: null, width: 'wide', genres: [], opening: null, ...t });

describe('comps and the forecast', () => {
  const target = title({ title: 'Target', releaseDate: '2026-12-11', genres: ['family', 'fantasy'] });
  const openings = [
    title({ title: 'Family Hit', genres: ['family'], opening: { start: '2026-11-20', gross: 60e6, theaters: 4000 } }),
    title({ title: 'Fantasy Mid', genres: ['fantasy'], opening: { start: '2026-11-06', gross: 20e6, theaters: 3000 } }),
    title({ title: 'Horror Near', genres: ['horror'], opening: { start: '2026-11-27', gross: 10e6, theaters: 2800 } }),
    title({ title: 'Limited Family', genres: ['family'], opening: { start: '2026-11-13', gross: 2e6, theaters: 400 } }),
    title({ title: 'Old Family', genres: ['family'], opening: { start: '2025-11-13', gross: 50e6, theaters: 3900 } }),
  ];

  it('ranks openings of the same width in the window, those sharing a genre first, and fills up to the minimum', () => {
    const ranked = rankComps(target, openings);
    expect(ranked.map((c) => c.title.title)).toEqual(['Family Hit', 'Fantasy Mid', 'Horror Near']);
    const picked = pickComps(ranked, () => 1, 3);
    expect(picked.relaxed).toBe(true);
    expect(pickComps(ranked, () => 1, 2).comps.map((c) => c.candidate.title.title)).toEqual(['Family Hit', 'Fantasy Mid']);
    expect(rankComps(target, openings, { before: '2026-11-10' }).map((c) => c.title.title)).toEqual(['Fantasy Mid']);
  });

  it('scales each comp by the interest relative to it (damped), takes the middle half as the range, and says how sure it is', () => {
    const ranked = rankComps(target, openings);
    // Trailer views: the target at 4M; comps at 8M, 2M and 2M (median 2M, ratio 2).
    const trailer: SignalResult = {
      signal: { metric: 'trailer_views', label: 'first trailer at day 7', videoTitle: null, videoKind: 'trailer', videoUrl: null, milestone: 'd7', value: 4e6, compsMedian: 2e6, ratio: 2, comps: [] },
      target: 4e6,
      values: new Map([['family hit', 8e6], ['fantasy mid', 2e6], ['horror near', 2e6]]),
      comps: ranked,
      relaxed: true,
    };
    const out = forecastOpening(target, [trailer], { madeAt: '2026-11-26T20:00:00.000Z', asOf: '2026-11-25', minComps: 3 });
    if ('reason' in out) throw new Error(out.reason);
    const f = out.forecast;
    // Family Hit 60M × (0.5)^0.8 = 34.5M; Fantasy Mid 20M × 2^0.8 = 34.8M; Horror Near 10M × 2^0.8 = 17.4M.
    expect(f.comps.map((c) => [c.title, c.estimate])).toEqual([
      ['Family Hit', 34_500_000],
      ['Fantasy Mid', 34_800_000],
      ['Horror Near', 17_400_000],
    ]);
    expect([f.low, f.mid, f.high]).toEqual([26_000_000, 34_500_000, 43_100_000]);
    expect(f.confidence).toBe('medium');
    expect(f.relativeInterest).toBe(2);
    expect(f.notes[1]).toBe('3 comparable openings, 2 sharing a genre (widened to the same width where too few share one)');
    expect(forecastOpening(target, [], { madeAt: '2026-11-26T20:00:00.000Z', asOf: '2026-11-25', minComps: 3 })).toEqual({ reason: 'no trailer or page-view figure with 3 comparable openings yet' });
  });
});

describe('the interest alert rule', () => {
  const ws = Workspace.parse({
    name: 'w',
    sources: [{ id: 'a', kind: 'rss', url: 'https://x.test/feed' }],
    slate: [{ title: 'Our Film', releaseDate: '2027-01-22' }],
    alerts: { interest: { threshold: 1.5, weekendsApart: 1 } },
  });
  const signal = { metric: 'trailer_views' as const, label: 'trailer at day 3', videoTitle: 'THEIR FILM | Official Trailer <@U123>', videoKind: 'trailer' as const, videoUrl: 'https://www.youtube.example/watch?v=abc', milestone: 'h72' as const, value: 11_102_899, compsMedian: 5_392_460, ratio: 2.06, comps: [{ title: 'A & B', value: 5_392_460 }, { title: 'C', value: 4_800_000 }, { title: 'D', value: 18_700_000 }] };
  const t = (over: Partial<TitleInterest>): TitleInterest => ({ title: 'Their Film', titleKey: 'their film', distributor: 'Lionsgate', isSlate: false, releaseDate: '2027-01-29', width: 'wide', genres: [], headline: signal, trailer: signal, pageviews: null, pageviewsLast7: null, forecast: null, score: null, videos: 1, latestObservationAt: null, ...over });

  it('fires for a competitor title near ours over the threshold, once per title and threshold, escaped in Block Kit', () => {
    const now = new Date('2026-11-26T20:00:00Z');
    const alerts = interestAlerts(ws, [t({}), t({ title: 'Far', titleKey: 'far', releaseDate: '2027-03-05' }), t({ title: 'Ours', titleKey: 'ours', isSlate: true }), t({ title: 'Mild', titleKey: 'mild', headline: { ...signal, ratio: 1.2 } })], '2026-11-26', now);
    expect(alerts.map((a) => a.id)).toEqual(['interest:their-film:1.5']);
    expect(alerts[0]!.summary).toBe("Their Film's trailer has 11.1M views at day 3: 2.06× the median of 3 comparable titles (A & B 5.4M, C 4.8M, D 18.7M). It is dated Jan 29, 2027, 1 weekend from Our Film (Jan 22, 2027).");
    const message = buildAlertMessage(alerts);
    expect(validateBlocks(message)).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: '📣 Their Film (Lionsgate): trailer at day 3 at 2.06× comps' } });
    expect(JSON.stringify(message.blocks)).toContain('&lt;@U123&gt;');
    expect(interestAlerts(Workspace.parse({ ...ws, alerts: { interest: { threshold: 2.5 } } }), [t({})], '2026-11-26', now)).toEqual([]);
  });
});
