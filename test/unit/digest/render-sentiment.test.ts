// The digest's "Tone of coverage" section from a hand-made brief: glyph sparkline, words, escaped names, absolute links only, text part.
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../shared/model/brief.js';
import { renderDigest } from '../../../shared/delivery/digest/render-digest.js';
import type { SentimentPoint, SentimentSeries } from '../../../shared/analysis/sentiment-series.js';

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)> "Q" & 'A'`;

const point = (week: string, start: string, mean: number | null, url: string | null): SentimentPoint => ({
  week,
  start,
  mean,
  n: mean === null ? 0 : 2,
  positive: mean !== null && mean > 0.15 ? 2 : 0,
  negative: mean !== null && mean < -0.15 ? 2 : 0,
  neutral: mean !== null && Math.abs(mean) <= 0.15 ? 2 : 0,
  items: mean === null ? [] : [{ id: `i-${week}`, title: EVIL, url, source: 'Feed', publishedAt: `${start}T10:00:00Z` }],
  itemTotal: mean === null ? 0 : 1,
});

const series = (kind: 'studio' | 'title', name: string, points: SentimentPoint[], mean: number, trend: SentimentSeries['trend']): SentimentSeries => ({
  subject: { kind, name },
  from: '2026-11-02',
  to: '2026-11-29',
  bucket: 'week',
  points,
  overall: { mean, n: points.reduce((s, p) => s + p.n, 0) },
  trend,
});

const brief: Brief = {
  workspace: 'Team',
  week: '2026-W48',
  monday: '2026-11-23',
  sunday: '2026-11-29',
  stats: { totalEvents: 0, previousAverage: 0, byType: [], movers: [], distributorShare: [], genreShare: [] },
  narrative: [],
  competitorMoves: [],
  calendarChanges: [],
  collisions: [],
  boxOffice: { weekend: null, end: null, rows: [], totalGross: 0 },
  boxOfficeSeries: { weekends: [], titles: [] },
  citations: [],
  sentiment: {
    fromWeek: '2026-W45',
    toWeek: '2026-W48',
    studios: [
      series(
        'studio',
        'Neon',
        [
          point('2026-W45', '2026-11-02', -0.5, 'https://news.example/a?x=1&y=%222%22'),
          point('2026-W46', '2026-11-09', null, null),
          point('2026-W47', '2026-11-16', 0.4, 'javascript:alert(1)'),
          point('2026-W48', '2026-11-23', 0.9, 'https://news.example/d'),
        ],
        0.45,
        'rising',
      ),
    ],
    titles: [series('title', EVIL, [point('2026-W48', '2026-11-23', -0.8, 'https://news.example/e')], -0.8, 'flat')],
  },
};

describe('tone of coverage in the digest', () => {
  it('renders a row per subject with glyphs linking only to absolute URLs, words for the mean, and escaped names', async () => {
    const out = await renderDigest(brief);
    const section = out.html.slice(out.html.indexOf('Tone of coverage'), out.html.indexOf('Box office'));
    expect(section).toContain('Neon');
    expect(section).toMatch(/>positive</);
    expect(section).toMatch(/>negative</);
    expect(section).toContain('↗ rising');
    // W45 links (its URL re-escaped), W46 is a dot without link, W47's javascript: URL is not linked, W48 links.
    expect(section).toContain('href="https://news.example/a?x=1&amp;y=%222%22"');
    expect(section).toContain('href="https://news.example/d"');
    expect(section).not.toContain('javascript:');
    for (const [, href] of section.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
    expect(section).toContain('·');
    expect(section).toContain('▃');
    expect(section).toContain('█');
    expect(out.html).not.toContain('<script>alert(1)');
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.html.indexOf('Competitor moves')).toBeLessThan(out.html.indexOf('Tone of coverage'));
  });

  it('has the same rows in the text part, with the first item URL of each covered week', async () => {
    const { text } = await renderDigest(brief);
    const part = text.slice(text.indexOf('TONE OF COVERAGE'), text.indexOf('BOX OFFICE'));
    expect(part).toContain('TONE OF COVERAGE, 2026-W45 to 2026-W48');
    expect(part).toMatch(/Neon \(studio\): ▃·▆█ positive \(\+0\.45, 6 events\), rising/);
    expect(part).toContain('2026-W45 -0.50 (2 events) <https://news.example/a?x=1&y=%222%22>');
    expect(part).toMatch(/2026-W47 \+0\.40 \(2 events\)\n/);
    expect(part).not.toContain('2026-W46');
  });

  it('leaves the section out of briefs without sentiment', async () => {
    const { sentiment: _s, ...old } = brief;
    const out = await renderDigest(old);
    expect(out.html).not.toContain('Tone of coverage');
    expect(out.text).not.toContain('TONE OF COVERAGE');
  });
});
