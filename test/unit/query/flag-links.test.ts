// Signed "flag as wrong" links: a valid token round-trips; a tampered, re-signed, malformed or expired one is refused.
import { describe, expect, it } from 'vitest';
import { flagLink, signFlag, verifyFlag } from '../../../shared/feedback/flag-links.js';

const SECRET = 'a-test-secret-of-enough-length';
const NOW = new Date('2026-11-26T20:00:00Z');
const exp = Math.floor(NOW.getTime() / 1000) + 3600;

describe('flag links', () => {
  it('round-trips what is flagged and for whom', () => {
    const token = signFlag(SECRET, { kind: 'event', id: 'e_1', who: 'exec@studio.example', exp });
    expect(verifyFlag(SECRET, token, NOW)).toEqual({ ok: true, claim: { kind: 'event', id: 'e_1', who: 'exec@studio.example', exp } });
  });

  it('refuses a token whose payload was changed, or signed with another secret', () => {
    const token = signFlag(SECRET, { kind: 'event', id: 'e_1', who: 'a@b.example', exp });
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ k: 'event', i: 'e_2', w: 'a@b.example', e: exp })).toString('base64url');
    expect(verifyFlag(SECRET, `${forged}.${sig}`, NOW)).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyFlag('another-secret-entirely-here', token, NOW)).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyFlag(SECRET, `${payload}.${sig!.slice(0, -1)}`, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyFlag(SECRET, 'not-a-token', NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses an expired token', () => {
    const token = signFlag(SECRET, { kind: 'brief', id: 'br_1', who: 'slack', exp });
    expect(verifyFlag(SECRET, token, new Date(NOW.getTime() + 3601_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('builds a link under the public URL and refuses a short secret', () => {
    expect(flagLink('http://127.0.0.1:4820/', SECRET, { kind: 'answer', id: 'ans_1' }, 'key:desk', NOW)).toMatch(/^http:\/\/127\.0\.0\.1:4820\/flag\?t=[\w-]+\.[\w-]{43}$/);
    expect(() => signFlag('short', { kind: 'event', id: 'e', who: 'x', exp })).toThrow(/at least 16/);
  });
});
