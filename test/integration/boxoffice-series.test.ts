// Box-office series and chart surprises over charts stored in the embedded DynamoDB server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { chartSurprises, openings, titleSeries } from '../../shared/analysis/boxoffice-series.js';
import type { BoxOfficeEntry } from '../../shared/model/boxoffice.js';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(async () => t.close());

const e = (rank: number, title: string, gross: number, theaters: number, weeks: number, extra: Partial<BoxOfficeEntry> = {}): BoxOfficeEntry => ({
  rank, title, distributor: 'Studio', gross, theaters, perTheater: null, totalGross: null, weeks, change: null, ...extra,
});

async function put(site: string, start: string, end: string, entries: BoxOfficeEntry[]) {
  await t.store.putChart({ site, period: { type: 'weekend', start, end }, sourceId: site, fetchedAt: '2026-11-26T00:00:00Z', entries });
}

describe('box-office series', () => {
  beforeAll(async () => {
    await put('boxofficemojo', '2026-11-06', '2026-11-08', [e(1, 'Star Run', 80e6, 4000, 1), e(2, 'Quiet One', 9e6, 3000, 1), e(3, 'Small Ghost', 6e6, 2900, 1)]);
    await put('boxofficemojo', '2026-11-13', '2026-11-15', [e(1, 'Star Run', 40e6, 4000, 2), e(2, 'Breakout Girl', 30e6, 2800, 1), e(3, 'Salt Kingdom', 7e6, 3400, 1), e(4, 'Mid Film', 12e6, 3100, 1)]);
    // The Numbers reports the same weekend slightly differently and spells a title its own way.
    await put('the-numbers', '2026-11-13', '2026-11-15', [e(1, 'Star Run', 40.2e6, 4000, 2)]);
    await put('boxofficemojo', '2026-11-20', '2026-11-22', [e(2, 'Star Run', 22e6, 3600, 3)]);
  });

  it('builds a run with week-over-week change, running total and per-theater average, one site per weekend', async () => {
    const s = await titleSeries(t.store, 'star run');
    expect(s.points.map((p) => [p.start, p.site, p.gross, p.change, p.totalGross, p.perTheater])).toEqual([
      ['2026-11-06', 'boxofficemojo', 80e6, null, 80e6, 20000],
      ['2026-11-13', 'boxofficemojo', 40e6, -50, 120e6, 10000],
      ['2026-11-20', 'boxofficemojo', 22e6, -45, 142e6, 6111],
    ]);
  });

  it('flags openings far above or below comparable openings per theater', async () => {
    const history = await openings(t.store);
    expect(history.map((o) => o.title).sort()).toEqual(['Breakout Girl', 'Mid Film', 'Quiet One', 'Salt Kingdom', 'Small Ghost', 'Star Run']);
    const chart = await t.store.getChart('boxofficemojo', 'weekend', '2026-11-13');
    const found = chartSurprises(chart!, history);
    expect(found.map((f) => [f.title, f.direction])).toEqual([['Breakout Girl', 'above'], ['Salt Kingdom', 'below']]);
    const withFlop = chartSurprises({ period: chart!.period, entries: [e(9, 'Flop', 3e6, 3300, 1)] }, history);
    expect(withFlop.map((f) => [f.title, f.direction, f.comparables])).toEqual([['Flop', 'below', 6]]);
    expect(chartSurprises(chart!, history.slice(0, 2))).toEqual([]);
  });
});
