// The box-office view's API over the demo cycle's data: one title's weekend run beside comparable openings (aligned by
// week in release), its surprise ratio, and the latest chart's surprises — the same figures the cycle alerted on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { buildQuerySide, type QuerySide } from '../../functions/local/query-app.js';
import { TitleRun } from '../../shared/model/boxoffice-view.js';
import { openDemoData, type DemoData } from '../support/demo-data.js';

let data: DemoData;
let side: QuerySide;
let key: string;
const get = async (path: string) => {
  const r = await side.app.request(path, { headers: { authorization: `Bearer ${key}` } });
  return { status: r.status, body: (await r.json()) as any };
};

beforeAll(async () => {
  data = await openDemoData();
  side = buildQuerySide(data.config, data.workspace, data.runtime);
  key = (await createApiKey(data.runtime.keys, 'box office')).key;
}, 120_000);
afterAll(async () => data?.close());

describe('GET /v1/boxoffice/run', () => {
  it("gives a title's weekends with week-over-week change and running total, and comparable openings by week in release", async () => {
    const { status, body } = await get('/v1/boxoffice/run?title=starbreaker');
    expect(status).toBe(200);
    expect(TitleRun.parse(body)).toBeTruthy();
    expect(body.title).toBe('Starbreaker');
    expect(body.points.map((p: any) => [p.start, p.week, p.gross, p.change])).toEqual([
      ['2026-11-06', 1, 88_412_307, null],
      ['2026-11-13', 2, 35_804_916, -59.5],
      ['2026-11-20', 3, 17_612_408, -50.8],
    ]);
    expect(body.points.at(-1).totalGross).toBe(194_424_859);
    expect(body.opening).toMatchObject({ start: '2026-11-06', theaters: 4215 });
    // Comparables: other openings within ±40% of its width, closest width first, each with its own weekends.
    expect(body.comparables.map((c: any) => c.title)).toEqual(['Glimmerglass', 'Kingdom of Salt', 'Grave Tidings']);
    for (const c of body.comparables) {
      expect(Math.abs(c.theaters - 4215)).toBeLessThanOrEqual(0.4 * 4215);
      expect(c.points[0].week).toBe(1);
      expect(c.points[0].gross).toBe(c.openingGross);
    }
    expect(body.openingVsComparables).toMatchObject({ comparables: 7 });
  });

  it("says how far the surprise opening was from comparable openings, as the cycle's alert did", async () => {
    const { body } = await get('/v1/boxoffice/run?title=Glimmerglass');
    const alerted = data.cycle.surprises.find((s) => s.title === 'Glimmerglass')!;
    expect(body.surprise).toMatchObject({ ratio: alerted.ratio, comparables: alerted.comparables, direction: 'above' });
    expect(body.openingVsComparables).toEqual({ ratio: 5.65, comparableMedian: alerted.comparableMedian, comparables: 7 });
  });

  it('a title never on a weekend chart is a 404 that names it; a missing title is a 400', async () => {
    const none = await get('/v1/boxoffice/run?title=Not%20A%20Film');
    expect(none.status).toBe(404);
    expect(none.body.error).toBe('no weekend chart in the store has "Not A Film"');
    const missing = await get('/v1/boxoffice/run');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/`title`/);
  });
});

describe('GET /v1/boxoffice/surprises', () => {
  it("lists the latest weekend chart's surprises with their ratios", async () => {
    const { status, body } = await get('/v1/boxoffice/surprises');
    expect(status).toBe(200);
    expect(body.period).toEqual({ start: '2026-11-20', end: '2026-11-22' });
    expect(body.surprises).toEqual([expect.objectContaining({ title: 'Glimmerglass', distributor: 'Universal Pictures', ratio: 5.65, comparables: 7, direction: 'above' })]);
  });
});
