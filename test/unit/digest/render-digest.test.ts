// Digest rendering from a hand-made brief: escaping, absolute links only, CID chart, sections in order, PNG chart.
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../shared/model/brief.js';
import { escapeHtml, renderDigest } from '../../../shared/delivery/digest/render-digest.js';
import { boxOfficeChartSvg, renderBoxOfficeChart } from '../../../shared/delivery/digest/chart.js';

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)> "Q" & 'A'`;

const brief: Brief = {
  workspace: `Team ${EVIL}`,
  week: '2026-W48',
  monday: '2026-11-23',
  sunday: '2026-11-29',
  stats: {
    totalEvents: 3,
    previousAverage: 2,
    byType: [{ type: 'trailer', thisWeek: 3, previousAverage: 2 }],
    movers: [{ kind: 'title', name: EVIL, items: 2, outlets: 2, lastWeekItems: 0, delta: 2 }],
    distributorShare: [{ name: EVIL, gross: 100, share: 100 }],
    genreShare: [],
  },
  narrative: [
    { text: `First ${EVIL}.`, cites: [1] },
    { text: 'Second.', cites: [2] },
    { text: 'Third.', cites: [1, 2] },
  ],
  competitorMoves: [{ studio: EVIL, moves: [{ eventId: 'e_t1', type: 'trailer', summary: EVIL, titles: [], publishedAt: null, cites: [1] }] }],
  calendarChanges: [{ eventId: 'e_c1', title: EVIL, distributor: null, date: '2027-01-01', previousDate: null, isSlate: false, cites: [2] }],
  collisions: [],
  boxOffice: {
    weekend: '2026-11-20',
    end: '2026-11-22',
    rows: [{ rank: 1, title: EVIL, distributor: 'Studio', gross: 1_000_000, change: -10, theaters: 100, perTheater: 10_000, totalGross: 5_000_000 }],
    totalGross: 1_000_000,
  },
  boxOfficeSeries: { weekends: ['2026-11-13', '2026-11-20'], titles: [{ title: EVIL, grosses: [2_000_000, 1_000_000] }] },
  citations: [
    { n: 1, itemId: 'a', title: EVIL, url: 'https://example.com/a?x=1&y=2', source: EVIL },
    { n: 2, itemId: 'b', title: 'No link', url: null, source: 'Feed' },
  ],
};

describe('renderDigest', () => {
  it('escapes all text from the web and links only to absolute URLs', async () => {
    const d = await renderDigest(brief);
    expect(d.html).not.toMatch(/<script/i);
    expect(d.html).not.toMatch(/<img[^>]*onerror/i);
    expect(d.html).toContain(escapeHtml(EVIL));
    const hrefs = [...d.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(expect.arrayContaining(['https://example.com/a?x=1&amp;y=2']));
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
  });

  it('puts the stats table before the narrative and embeds the chart by CID with its size', async () => {
    const d = await renderDigest(brief);
    expect(d.html.indexOf('Events by type')).toBeLessThan(d.html.indexOf('First '));
    expect(d.html.indexOf('First ')).toBeLessThan(d.html.indexOf('Competitor moves'));
    expect(d.html).toMatch(/<img[^>]*src="cid:boxoffice-chart"[^>]*width="560"[^>]*height="280"/);
    expect(d.text).toContain('[1] ');
    expect(d.text.indexOf('THE BRIEF')).toBeLessThan(d.text.indexOf('First '));
  });
});

describe('box-office chart', () => {
  it('is a 560×280 PNG with escaped labels, axes and a legend', async () => {
    const svg = boxOfficeChartSvg(brief.boxOfficeSeries);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Gross ($M)');
    expect(svg).toContain('Weekend (Friday)');
    const png = await renderBoxOfficeChart(brief.boxOfficeSeries);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(560);
    expect(png.readUInt32BE(20)).toBe(280);
  });
});
