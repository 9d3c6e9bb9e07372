// sendDigest with in-memory fakes: exactly once per workspace and week, in-progress claims skipped, failures release the claim.
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../shared/model/workspace.js';
import type { ClaimResult, IdempotencyLedger } from '../../../shared/ports/ledger.js';
import type { MailMessage, Mailer } from '../../../shared/ports/mailer.js';
import { fixedClock } from '../../../shared/ports/clock.js';
import { digestKey, sendDigest } from '../../../shared/delivery/digest/send-digest.js';
import type { BriefDeps } from '../../../shared/delivery/digest/build-brief.js';

class MemoryLedger implements IdempotencyLedger {
  rows = new Map<string, { status: 'in_progress' | 'done'; result?: Record<string, unknown> }>();
  async claim(key: string): Promise<ClaimResult> {
    const row = this.rows.get(key);
    if (row?.status === 'done') return { status: 'done', completedAt: '2026-11-26T20:00:00Z', result: row.result ?? null };
    if (row) return { status: 'in_progress', leaseUntil: '2026-11-26T20:15:00Z' };
    this.rows.set(key, { status: 'in_progress' });
    return { status: 'claimed' };
  }
  async complete(key: string, result?: Record<string, unknown>) {
    this.rows.set(key, { status: 'done', result });
  }
  async release(key: string) {
    if (this.rows.get(key)?.status === 'in_progress') this.rows.delete(key);
  }
  async markSending(key: string) {
    return this.rows.get(key)?.status === 'in_progress';
  }
  async abandon(key: string) {
    // An unknown outcome: the next claim may take it at once (these fakes have no leases).
    if (this.rows.get(key)?.status === 'in_progress') this.rows.delete(key);
  }
}

const emptyStores = {
  analysis: {
    eventsByWeek: async () => [],
    getEvent: async () => null,
    getRelease: async () => null,
    releasesBetween: async () => [],
    slateReleases: async () => [],
  },
  store: {
    getItems: async () => [],
    listCharts: async () => ({ items: [], cursor: null }),
    getChart: async () => null,
  },
} as unknown as BriefDeps;

const workspace = Workspace.parse({
  name: 'Harbor Light — Intel',
  timezone: 'America/Los_Angeles',
  recipients: ['team@example.com'],
  sources: [{ id: 'feed', kind: 'rss', url: 'https://example.com/feed.xml' }],
});

function recordingMailer(fail = 0): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  let failures = fail;
  return {
    sent,
    async send(m) {
      if (failures-- > 0) throw new Error('mail down');
      sent.push(m);
      return { messageId: `<m${sent.length}@test>` };
    },
  };
}

describe('sendDigest', () => {
  it('keys the ledger by workspace name and week', () => {
    expect(digestKey('Harbor Light — Intel', '2026-W48')).toBe('digest:harbor-light-intel:2026-W48');
  });

  it('sends once, then reports already_sent with the first message id', async () => {
    const ledger = new MemoryLedger();
    const mailer = recordingMailer();
    // 2026-11-30T05:00Z is still Sunday 29 November in Los Angeles: week 48 there.
    const deps = { ...emptyStores, ledger, mailer, clock: fixedClock('2026-11-30T05:00:00Z') };
    const first = await sendDigest(workspace, deps);
    expect(first).toMatchObject({ week: '2026-W48', status: 'sent', messageId: '<m1@test>' });
    expect(mailer.sent[0]).toMatchObject({ to: ['team@example.com'], name: 'digest-2026-W48' });
    // No weekend chart in the store: no chart, and no dangling cid: reference.
    expect(mailer.sent[0]!.inline).toEqual([]);
    expect(mailer.sent[0]!.html).not.toContain('cid:');
    expect(mailer.sent[0]!.html).toContain('No weekend chart yet.');
    expect(await sendDigest(workspace, deps, { week: '2026-W48' })).toEqual({ week: '2026-W48', status: 'already_sent', messageId: '<m1@test>', files: undefined, stats: null });
    expect(mailer.sent).toHaveLength(1);
  });

  it('skips a week another run is sending', async () => {
    const ledger = new MemoryLedger();
    await ledger.claim(digestKey(workspace.name, '2026-W47'));
    const mailer = recordingMailer();
    const out = await sendDigest(workspace, { ...emptyStores, ledger, mailer, clock: fixedClock('2026-11-26T20:00:00Z') }, { week: '2026-W47' });
    expect(out.status).toBe('in_progress');
    expect(mailer.sent).toHaveLength(0);
  });

  it('releases the claim when the mailer fails, so a retry sends', async () => {
    const ledger = new MemoryLedger();
    const mailer = recordingMailer(1);
    const deps = { ...emptyStores, ledger, mailer, clock: fixedClock('2026-11-26T20:00:00Z') };
    await expect(sendDigest(workspace, deps, { week: '2026-W48' })).rejects.toThrow('mail down');
    expect(ledger.rows.size).toBe(0);
    expect((await sendDigest(workspace, deps, { week: '2026-W48' })).status).toBe('sent');
  });
});
