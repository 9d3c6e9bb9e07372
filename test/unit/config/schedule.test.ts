// Source schedules: a zero, negative-looking or absurd interval is refused with a message naming the source.
import { describe, expect, it } from 'vitest';
import { validateWorkspace } from '../../../shared/config/validate-workspace.js';

const workspace = (every: string) => ({
  name: 'schedules',
  sources: [
    { id: 'fine', kind: 'rss', url: 'https://a.example/feed.xml' },
    { id: 'trade-a', kind: 'rss', url: 'https://b.example/feed.xml', schedule: { every } },
  ],
});

describe('schedule.every', () => {
  it.each(['0m', '0h', '0d', '0d0h0m', '00m'])('refuses %s, naming the source', (every) => {
    expect(() => validateWorkspace(workspace(every), 'ws.yaml')).toThrow(
      `ws.yaml: sources[1].schedule.every: source "trade-a" is scheduled every "${every}", which is zero; use a duration from 1m to 30d`,
    );
  });

  it.each(['31d', '400d', '99999999999999999999d', '1000000h'])('refuses the absurd interval %s, naming the source', (every) => {
    expect(() => validateWorkspace(workspace(every), 'ws.yaml')).toThrow(
      `ws.yaml: sources[1].schedule.every: source "trade-a" is scheduled every "${every}", which is longer than 30d; use a duration from 1m to 30d`,
    );
  });

  it.each(['-5m', '5', 'm', '1.5h'])('refuses the malformed %s', (every) => {
    expect(() => validateWorkspace(workspace(every), 'ws.yaml')).toThrow(/sources\[1\]\.schedule\.every: use a duration like "15m", "1h" or "1d"/);
  });

  it.each(['1m', '15m', '2h30m', '1d', '7d', '30d', '720h'])('accepts %s', (every) => {
    expect(validateWorkspace(workspace(every), 'ws.yaml').sources[1]!.schedule.every).toBe(every);
  });
});
