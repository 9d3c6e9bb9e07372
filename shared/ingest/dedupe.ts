// Item identity: the keys that make two parsed items "the same story", stable item ids, and an in-run seen set.
import { createHash } from 'node:crypto';
import type { ParsedItem } from '../model/item.js';
import { canonicalUrl, contentHash } from './parse/normalize.js';

// Items with neither title nor text all hash alike; that hash says nothing about identity.
const EMPTY_HASH = contentHash('', '');

/** Identity keys of an item, strongest first: `guid:…` (unless it is just the URL), `url:…`, `hash:…`. */
export function identityKeys(item: ParsedItem): string[] {
  const keys: string[] = [];
  const guid = item.guid?.trim();
  if (guid && guid !== item.url && (!item.url || canonicalUrl(guid) !== item.url)) keys.push(`guid:${guid}`);
  if (item.url) keys.push(`url:${item.url}`);
  if (item.hash && item.hash !== EMPTY_HASH) keys.push(`hash:${item.hash}`);
  return keys;
}

function sha32(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}

/**
 * Stable id (32 hex chars): sha256 of the URL when there is one, else of `sourceId` + "\n" + guid, else of the
 * content hash.
 */
export function itemIdFor(item: ParsedItem, sourceId: string): string {
  if (item.url) return sha32(item.url);
  const guid = item.guid?.trim();
  if (guid) return sha32(`${sourceId}\n${guid}`);
  return sha32(item.hash);
}

/** Dedupe within one run: remembers every identity key it was given, nothing else. */
export class SeenSet {
  private readonly keys = new Set<string>();

  /** Records the item's keys; false when any of them was seen before (the item is a duplicate). */
  add(item: ParsedItem): boolean {
    let fresh = true;
    for (const key of identityKeys(item)) {
      if (this.keys.has(key)) fresh = false;
      else this.keys.add(key);
    }
    return fresh;
  }

  /** True when any of the item's keys was seen. */
  has(item: ParsedItem): boolean {
    return identityKeys(item).some((k) => this.keys.has(k));
  }

  get size(): number {
    return this.keys.size;
  }
}
