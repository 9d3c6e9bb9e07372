// Box-office charts: cell values, Box Office Mojo weekend/daily layouts, The Numbers, layout detection.
import { describe, expect, it } from 'vitest';
import { isNewMarker, parseCount, parseFlag, parseMoney, parsePercent, parseRank } from '../../../shared/ingest/parse/boxoffice/cells.js';
import { detectChartLayout, parseChart } from '../../../shared/ingest/parse/boxoffice/chart.js';
import { findDateRange } from '../../../shared/ingest/parse/boxoffice/period.js';
import { BoxOfficeEntry, ChartInfo } from '../../../shared/model/boxoffice.js';
import { ParseError } from '../../../shared/ingest/parse/parse.types.js';
import { fixtureText } from './fixtures.js';

describe('cell values', () => {
  it('parses money', () => {
    expect(parseMoney('$1,234,567')).toBe(1234567);
    expect(parseMoney(' $61,245,330 ')).toBe(61245330);
    expect(parseMoney('$1.2M')).toBe(1200000);
    expect(parseMoney('-')).toBeNull();
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('n/a')).toBeNull();
    expect(parseMoney('tbd')).toBeNull();
  });

  it('parses percentages, including "<0.1%" as its bound', () => {
    expect(parsePercent('+12.5%')).toBe(12.5);
    expect(parsePercent('-42%')).toBe(-42);
    expect(parsePercent('+1,204%')).toBe(1204);
    expect(parsePercent('<0.1%')).toBe(0.1);
    expect(parsePercent('-<0.1%')).toBe(-0.1);
    expect(parsePercent('-')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });

  it('parses counts, ranks and flags', () => {
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('+1,150')).toBe(1150);
    expect(parseCount('-310')).toBe(-310);
    expect(parseCount('1,23')).toBeNull();
    expect(parseRank('(3)')).toBe(3);
    expect(parseRank('new')).toBeNull();
    expect(isNewMarker('(new)')).toBe(true);
    expect(isNewMarker('NEW')).toBe(true);
    expect(isNewMarker('3')).toBe(false);
    expect(parseFlag('true')).toBe(true);
    expect(parseFlag(' False ')).toBe(false);
    expect(parseFlag('-')).toBeUndefined();
  });

  it('finds date ranges, including cross-month and cross-year', () => {
    expect(findDateRange('November 20-22, 2026')).toEqual({ start: '2026-11-20', end: '2026-11-22' });
    expect(findDateRange('Oct 30-Nov 1, 2026')).toEqual({ start: '2026-10-30', end: '2026-11-01' });
    expect(findDateRange('Dec 31-Jan 2, 2027')).toEqual({ start: '2026-12-31', end: '2027-01-02' });
    expect(findDateRange('Domestic Box Office For Nov 25, 2026')).toEqual({ start: '2026-11-25', end: '2026-11-25' });
    expect(findDateRange('Feb 30, 2026')).toBeNull();
  });
});

describe('Box Office Mojo weekend chart', () => {
  it('maps columns by header text, so hidden boolean cells after Distributor never shift values', async () => {
    const r = await parseChart({ body: fixtureText('bom-weekend-2026W47.html') });
    expect(r.chart).toEqual({ site: 'boxofficemojo', period: { type: 'weekend', start: '2026-11-20', end: '2026-11-22' } });
    expect(ChartInfo.safeParse(r.chart).success).toBe(true);
    expect(r.entries).toHaveLength(5);
    for (const e of r.entries) expect(BoxOfficeEntry.safeParse(e).success).toBe(true);
    expect(r.entries[0]).toEqual({
      rank: 1,
      lastRank: null,
      title: 'Lanterns of the Deep',
      distributor: 'Universal Pictures',
      gross: 61245330,
      theaters: 4215,
      perTheater: 14530,
      totalGross: 61245330,
      weeks: 1,
      change: null,
      isNew: true,
      estimated: false,
    });
    expect(r.entries[2]).toMatchObject({
      rank: 3,
      lastRank: 2,
      title: 'Saltwater Kings',
      distributor: 'Warner Bros.',
      gross: 12030775,
      change: -38,
      theaters: 3402, // not the "-310" theater change next to it
      perTheater: 3536,
      totalGross: 141880902,
      weeks: 4,
      isNew: false,
      estimated: true,
    });
    expect(r.entries[4]).toMatchObject({ title: 'Northbound', distributor: null, change: 0.1, isNew: true, estimated: true });
    expect(r.warnings).toEqual([]);
  });

  it('still maps cells when the hidden header cells are missing and columns are reordered', async () => {
    let html = fixtureText('bom-weekend-2026W47.html').replace(/<th class="[^"]*a-hidden">[^<]*<\/th>\n/g, '');
    // Put "Weeks" after "Distributor" in the header and in every row.
    html = html.replace(
      /(<th[^>]*>Weeks<\/th>)\n(<th[^>]*>Distributor<\/th>)/,
      '$2\n$1',
    ).replace(
      /(<td class="a-text-right mojo-field-type-positive_integer mojo-estimatable">\d+<\/td>)\n(<td class="a-text-left mojo-field-type-release_studios">.*<\/td>)/g,
      '$2\n$1',
    );
    const r = await parseChart({ body: html });
    expect(r.entries[1]).toMatchObject({ title: 'The Glass Orchard', weeks: 2, distributor: 'Walt Disney Studios Motion Pictures' });
    expect(r.entries[1]!.isNew).toBeUndefined(); // no header, no flag
  });

  it('reads a cross-month weekend period from the <title>', async () => {
    const r = await parseChart({ body: fixtureText('bom-weekend-2026W44.html') });
    expect(r.chart.period).toEqual({ type: 'weekend', start: '2026-10-30', end: '2026-11-01' });
  });
});

describe('Box Office Mojo daily chart', () => {
  it('uses Daily, %± YD, YD, Avg, To Date and Days', async () => {
    const r = await parseChart({ body: fixtureText('bom-daily-2026-11-25.html') });
    expect(r.chart).toEqual({ site: 'boxofficemojo', period: { type: 'daily', start: '2026-11-25', end: '2026-11-25' } });
    expect(r.entries).toHaveLength(4);
    expect(r.entries[1]).toEqual({
      rank: 2,
      lastRank: 3,
      title: 'The Glass Orchard',
      distributor: 'Walt Disney Studios Motion Pictures',
      gross: 2140775,
      theaters: 3968,
      perTheater: 539,
      totalGross: 103902118,
      weeks: null,
      days: 13,
      change: 22.4,
      isNew: false,
      estimated: true,
    });
    expect(r.entries[2]).toMatchObject({ title: 'Velvet Static', isNew: true, days: 1, change: -4.2 });
    expect(r.entries[3]).toMatchObject({ change: null, estimated: false });
  });
});

describe('The Numbers weekend chart', () => {
  it('reads unnamed rank columns, "new"/"(n)" last ranks, the gross change (not the theater change), and skips totals', async () => {
    const r = await parseChart({ body: fixtureText('numbers-weekend-2026-11-20.html') });
    expect(r.chart).toEqual({ site: 'the-numbers', period: { type: 'weekend', start: '2026-11-20', end: '2026-11-22' } });
    expect(r.entries.map((e) => e.title)).toEqual(['Lanterns of the Deep', 'The Glass Orchard', 'Saltwater Kings', 'Paper Comets', 'Northbound']);
    expect(r.entries[0]).toEqual({
      rank: 1,
      lastRank: null,
      title: 'Lanterns of the Deep',
      distributor: 'Universal',
      gross: 61245330,
      theaters: 4215,
      perTheater: 14530,
      totalGross: 61245330,
      weeks: 1,
      change: null,
      isNew: true,
    });
    expect(r.entries[2]).toMatchObject({ rank: 3, lastRank: 2, change: -38, theaters: 3402, perTheater: 3536, weeks: 4, isNew: false });
    expect(r.entries[4]).toMatchObject({ rank: 5, lastRank: null, isNew: true, distributor: 'Neon' });
  });
});

describe('detectChartLayout / parseChart', () => {
  it('detects each layout and nothing on other pages', () => {
    expect(detectChartLayout(fixtureText('bom-weekend-2026W47.html'))).toBe('boxofficemojo');
    expect(detectChartLayout(fixtureText('bom-daily-2026-11-25.html'))).toBe('boxofficemojo');
    expect(detectChartLayout(fixtureText('numbers-weekend-2026-11-20.html'))).toBe('the-numbers');
    expect(detectChartLayout(fixtureText('generic-river.html'))).toBeNull();
  });

  it('throws no_chart when there is no chart table', async () => {
    const err = await parseChart({ body: fixtureText('plain-page.html') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParseError);
    expect(err).toMatchObject({ code: 'no_chart' });
    const forced = await parseChart({ body: fixtureText('plain-page.html'), layout: 'boxofficemojo' }).catch((e: unknown) => e);
    expect(forced).toMatchObject({ code: 'no_chart' });
  });
});
