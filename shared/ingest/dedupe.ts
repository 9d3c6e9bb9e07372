// Item identity: the keys that make two parsed items "the same story", stable item ids, and an in-run seen set.
import { hash } from 'node:crypto';
import type { ParsedItem } from '../model/item.js';
import { canonicalUrl, contentHash } from './parse/normalize.js';

// Items with neither title nor text all hash alike; that hash says nothing about identity.
const EMPTY_HASH = contentHash('', '');

/** Identity keys of an item, strongest first: `guid:…` (unless it is just the URL), `url:…`, `hash:…`. */
export function identityKeys(item: ParsedItem): string[] {
  const keys: string[] = [];
  const guid = item.guid?.trim();
  if (guid && !sameAsUrl(guid, item.url)) keys.push(`guid:${guid}`);
  if (item.url) keys.push(`url:${item.url}`);
  if (item.hash && item.hash !== EMPTY_HASH) keys.push(`hash:${item.hash}`);
  return keys;
}

/** Whether a guid is merely the item's URL. Cheap string checks first: URL parsing per item showed up in the benchmark. */
function sameAsUrl(guid: string, url: string | null): boolean {
  if (!url) return false;
  if (guid === url) return true;
  if (!/^https?:\/\//i.test(guid)) return false;
  // Canonicalization keeps the path; if the parts before "?" / "#" differ beyond case, slash or port, so do the URLs.
  const g = beforeQuery(guid);
  const u = beforeQuery(url);
  if (Math.abs(g.length - u.length) > 5) return false; // ":443" and a trailing "/" at most
  if (normalizeBase(g) !== normalizeBase(u)) return false;
  return canonicalUrl(guid) === url;
}

function beforeQuery(u: string): string {
  const q = u.search(/[?#]/);
  return q < 0 ? u : u.slice(0, q);
}

function normalizeBase(u: string): string {
  return u.toLowerCase().replace(/:(80|443)(?=\/|$)/, '').replace(/\/$/, '');
}

function sha32(s: string): string {
  return hash('sha256', s, 'hex').slice(0, 32);
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

/**
 * Whether an identity key needs no row of its own: the `url:` key of an item whose id is that URL's
 * hash is claimed by the item row itself (same URL, same id, same row).
 */
export function impliedByItemRow(item: { id: string; url: string | null }, key: string): boolean {
  return !!item.url && key === `url:${item.url}` && item.id === sha32(item.url);
}

/** Dedupe within one run: remembers every identity key it was given, nothing else. */
export class SeenSet {
  // One set per key kind instead of prefixed strings: no string building per item on the hot path.
  private readonly guids = new Set<string>();
  private readonly urls = new Set<string>();
  private readonly hashes = new Set<string>();

  /** Records the item's keys; false when any of them was seen before (the item is a duplicate). */
  add(item: ParsedItem): boolean {
    let fresh = true;
    const guid = item.guid?.trim();
    if (guid && !sameAsUrl(guid, item.url)) fresh = remember(this.guids, guid) && fresh;
    if (item.url) fresh = remember(this.urls, item.url) && fresh;
    if (item.hash && item.hash !== EMPTY_HASH) fresh = remember(this.hashes, item.hash) && fresh;
    return fresh;
  }

  /** True when any of the item's keys was seen. */
  has(item: ParsedItem): boolean {
    const guid = item.guid?.trim();
    return (
      (!!guid && !sameAsUrl(guid, item.url) && this.guids.has(guid)) ||
      (!!item.url && this.urls.has(item.url)) ||
      (!!item.hash && item.hash !== EMPTY_HASH && this.hashes.has(item.hash))
    );
  }

  /** Number of keys remembered. */
  get size(): number {
    return this.guids.size + this.urls.size + this.hashes.size;
  }
}

/** Adds `key`; false when it was already there. */
function remember(set: Set<string>, key: string): boolean {
  if (set.has(key)) return false;
  set.add(key);
  return true;
}
