// "Flag as wrong" links: a signed, expiring token (HMAC-SHA256) naming what is flagged and for whom, so no login is needed from an e-mail.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { FLAG_TARGETS } from '../model/flag.js';

export type FlagTargetKind = (typeof FLAG_TARGETS)[number];

export interface FlagClaim {
  /** What is flagged. */
  kind: FlagTargetKind;
  id: string;
  /** Who the link was made for (a recipient address, "slack", an API key name). */
  who: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type FlagCheck = { ok: true; claim: FlagClaim } | { ok: false; reason: 'malformed' | 'bad signature' | 'expired' };

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** A token for a flag link: `<payload>.<signature>`, both base64url. */
export function signFlag(secret: string, claim: FlagClaim): string {
  if (secret.length < 16) throw new RangeError('the link secret must be at least 16 characters');
  const payload = Buffer.from(JSON.stringify({ k: claim.kind, i: claim.id, w: claim.who, e: claim.exp }), 'utf8').toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** Checks a token's signature (constant time) and expiry. */
export function verifyFlag(secret: string, token: string, now: Date = new Date()): FlagCheck {
  const m = /^([A-Za-z0-9_-]{8,2000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(secret, m[1]!), 'utf8');
  const given = Buffer.from(m[2]!, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad signature' };
  let raw: { k?: unknown; i?: unknown; w?: unknown; e?: unknown };
  try {
    raw = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!FLAG_TARGETS.includes(raw.k as FlagTargetKind) || typeof raw.i !== 'string' || typeof raw.w !== 'string' || typeof raw.e !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if (raw.e * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claim: { kind: raw.k as FlagTargetKind, id: raw.i, who: raw.w, exp: raw.e } };
}

/** The full link for a target: `<publicUrl>/flag?t=<token>`, valid for `days`. */
export function flagLink(publicUrl: string, secret: string, target: { kind: FlagTargetKind; id: string }, who: string, now: Date = new Date(), days = 30): string {
  const exp = Math.floor(now.getTime() / 1000) + days * 86_400;
  return `${publicUrl.replace(/\/+$/, '')}/flag?t=${signFlag(secret, { ...target, who, exp })}`;
}
