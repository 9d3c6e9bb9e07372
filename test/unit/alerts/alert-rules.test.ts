// Alert rules: which events alert, one alert per story (never per outlet), collisions first, stale news and disabled rules skipped.
import { describe, expect, it } from 'vitest';
import { selectAlerts } from '../../../shared/delivery/alerts/alert-rules.js';
import type { Collision } from '../../../shared/analysis/release-calendar.js';
import { NOW, event, story, workspace } from './fixtures.js';

const collision = (storyId: string, eventId: string): Collision => ({
  slateTitle: 'The Lantern Keeper',
  slateDate: '2026-12-11',
  competitorTitle: 'Skyward Sprocket',
  competitorDate: '2026-12-11',
  distributor: 'Universal Pictures',
  weekendsApart: 0,
  genreOverlap: ['family'],
  eventId,
  storyId,
});

describe('selectAlerts', () => {
  it('one alert per story with the first outlet as the link and the others as "also in", one per outlet', () => {
    const e = event({ storyId: 's_multi' });
    const s = story('s_multi', 'Universal Moves Skyward Sprocket', [
      ['deadline-wire', 'https://deadline.example/a'],
      ['variety-insider', 'https://variety.example/a'],
      ['variety-insider', 'https://variety.example/a-update'],
      ['collider', null],
    ]);
    const { alerts } = selectAlerts(workspace(), { events: [e], stories: new Map([[s.id, s]]), collisions: [], surprises: [], now: NOW });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ id: 's_multi', kind: 'competitor_release', title: 'Skyward Sprocket', studio: 'Universal Pictures', change: { from: '2026-12-25', to: '2026-12-11' } });
    expect(alerts[0]!.link).toEqual({ source: 'Deadline Wire', title: 'Universal Moves Skyward Sprocket', url: 'https://deadline.example/a' });
    expect(alerts[0]!.alsoIn.map((l) => l.source)).toEqual(['Variety Insider', 'Collider Chronicle']);
  });

  it('a collision outranks the same story\'s competitor move and names the slate title', () => {
    const e = event({ storyId: 's_col' });
    const other = event({ type: 'trailer', titles: ['Iron Meridian'], studios: ['Lionsgate'], publishedAt: '2026-11-26T10:00:00.000Z' });
    const { alerts } = selectAlerts(workspace(), { events: [other, e], stories: new Map(), collisions: [collision('s_col', e.id)], surprises: [], now: NOW });
    expect(alerts.map((a) => [a.id, a.kind])).toEqual([
      ['s_col', 'collision'],
      [other.storyId, 'trailer'],
    ]);
    expect(alerts[0]!.collisions).toEqual([{ slateTitle: 'The Lantern Keeper', slateDate: '2026-12-11', competitorDate: '2026-12-11', weekendsApart: 0, genreOverlap: ['family'] }]);
    expect(alerts[0]!.change).toEqual({ from: '2026-12-25', to: '2026-12-11' });
  });

  it('a competitor title "dated" with no date is not an alert; a move off the calendar is', () => {
    const undated = event({ type: 'release_dated', releaseDate: null, previousDate: null });
    const offCalendar = event({ type: 'release_moved', releaseDate: null, previousDate: '2026-12-25' });
    const { alerts } = selectAlerts(workspace(), { events: [undated, offCalendar], stories: new Map(), collisions: [], surprises: [], now: NOW });
    expect(alerts.map((a) => a.id)).toEqual([offCalendar.storyId]);
  });

  it('collisions alert whatever their age; other news only within maxAgeHours', () => {
    const old = event({ publishedAt: '2026-11-10T12:00:00.000Z' });
    const oldCollision = event({ publishedAt: '2026-11-01T12:00:00.000Z' });
    const out = selectAlerts(workspace({ maxAgeHours: 48 }), { events: [old, oldCollision], stories: new Map(), collisions: [collision(oldCollision.storyId, oldCollision.id)], surprises: [], now: NOW });
    expect(out.alerts.map((a) => a.id)).toEqual([oldCollision.storyId]);
    expect(out.stale).toBe(1);
  });

  it('skips events that are not a competitor move, our own title, and kinds whose rule is off', () => {
    const ownTitle = event({ titles: ['The Lantern Keeper', 'Skyward Sprocket'], summary: 'Harbor Light holds its date.' });
    const casting = event({ type: 'casting' });
    const notCompetitor = event({ type: 'trailer', concernsCompetitor: false });
    const greenlight = event({ type: 'greenlight', titles: ['Glimmerglass: Part Two'] });
    const acquisition = event({ type: 'acquisition', titles: ['Borrowed Thunder'], studios: ['Lionsgate'] });
    const out = selectAlerts(workspace({ rules: { greenlight: false } }), { events: [ownTitle, casting, notCompetitor, greenlight, acquisition], stories: new Map(), collisions: [], surprises: [], now: NOW });
    expect(out.alerts.map((a) => a.kind)).toEqual(['acquisition']);
    expect(out.noRule).toBe(4);
  });

  it('a box-office surprise alerts once per title and weekend, and not when its rule is off', () => {
    const s = { title: 'Glimmerglass', distributor: 'Universal Pictures', start: '2026-11-20', gross: 71.8e6, theaters: 3900, perTheater: 18410, comparableMedian: 3259, comparables: 7, ratio: 5.65, direction: 'above' as const };
    const on = selectAlerts(workspace(), { events: [], stories: new Map(), collisions: [], surprises: [s, s], now: NOW });
    expect(on.alerts.map((a) => [a.id, a.kind])).toEqual([['surprise:glimmerglass:2026-11-20', 'boxoffice_surprise']]);
    const off = selectAlerts(workspace({ rules: { boxOfficeSurprise: false, collision: false } }), { events: [], stories: new Map(), collisions: [collision('s_x', 'e_x')], surprises: [s], now: NOW });
    expect(off.alerts).toEqual([]);
  });
});
