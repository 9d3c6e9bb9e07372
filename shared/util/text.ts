// Small text helpers shared across modules (title keys, hashing).
import { createHash } from 'node:crypto';

/** A comparison key for a film title: case, accents, punctuation and spacing folded. */
export function titleKey(title: string): string {
  // Pure and called for every title a question or an analysis compares: remembered (bounded) rather than recomputed.
  if (title.length > 200) return computeTitleKey(title);
  const hit = titleKeys.get(title);
  if (hit !== undefined) return hit;
  if (titleKeys.size >= 50_000) titleKeys.clear();
  const key = computeTitleKey(title);
  titleKeys.set(title, key);
  return key;
}

const titleKeys = new Map<string, string>();

function computeTitleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Hex sha256 of a string or bytes, truncated to `length` characters. */
export function sha256Hex(input: string | Uint8Array, length = 64): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/** The workspace part of ledger keys (alerts, digests): its name, lowercase, dashes. */
export function workspaceKey(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return key || 'workspace';
}
