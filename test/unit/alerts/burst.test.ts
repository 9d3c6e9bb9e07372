// Burst grouping: alerts within the window go out together, bounded per message, most urgent group first.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/delivery/alerts/alert-rules.js';
import { groupBursts } from '../../../shared/delivery/alerts/burst.js';

const a = (id: string, at: string, priority = 1): Alert =>
  ({ id, at, priority, kind: priority === 0 ? 'collision' : 'competitor_release' }) as Alert;

describe('groupBursts', () => {
  it('groups alerts within the window of the group\'s first alert; a later one starts a new message', () => {
    const groups = groupBursts(
      [a('x1', '2026-11-25T18:00:00Z'), a('x3', '2026-11-25T18:10:00Z'), a('x2', '2026-11-25T18:04:00Z'), a('y', '2026-11-25T18:10:01Z'), a('z', '2026-11-25T20:00:00Z')],
      10,
    );
    expect(groups.map((g) => g.map((x) => x.id))).toEqual([['z'], ['y'], ['x1', 'x2', 'x3']]);
  });

  it('puts the group holding a collision first', () => {
    const groups = groupBursts([a('late', '2026-11-26T10:00:00Z'), a('col', '2026-11-20T10:00:00Z', 0)], 10);
    expect(groups.map((g) => g[0]!.id)).toEqual(['col', 'late']);
  });

  it('a window of 0 groups only the same instant, and a message holds at most maxPerMessage alerts', () => {
    expect(groupBursts([a('p', '2026-11-25T18:00:00Z'), a('q', '2026-11-25T18:00:00Z'), a('r', '2026-11-25T18:00:01Z')], 0).map((g) => g.length)).toEqual([1, 2]);
    const many = Array.from({ length: 30 }, (_, i) => a(`m${i}`, '2026-11-25T18:00:00Z'));
    expect(groupBursts(many, 10, 12).map((g) => g.length).sort()).toEqual([12, 12, 6]);
  });
});
