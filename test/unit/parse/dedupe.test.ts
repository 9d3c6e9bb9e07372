// Item identity: keys, stable ids and the in-run seen set.
import { describe, expect, it } from 'vitest';
import { SeenSet, identityKeys, itemIdFor } from '../../../shared/ingest/dedupe.js';
import { contentHash } from '../../../shared/ingest/parse/normalize.js';
import type { ParsedItem } from '../../../shared/model/item.js';

function item(over: Partial<ParsedItem>): ParsedItem {
  const title = over.title ?? 'Lanterns of the Deep opens to $61M';
  const text = over.text ?? 'Universal adventure tops the weekend.';
  return { url: null, guid: null, publishedAt: null, author: null, categories: [], ...over, title, text, hash: over.hash ?? contentHash(title, text) };
}

describe('identityKeys', () => {
  it('lists guid, url and hash keys', () => {
    const it1 = item({ url: 'https://t.example/a', guid: 'tag:t.example,2026:1' });
    expect(identityKeys(it1)).toEqual(['guid:tag:t.example,2026:1', 'url:https://t.example/a', `hash:${it1.hash}`]);
  });

  it('skips a guid that is just the URL, also when it differs only by tracking parameters', () => {
    expect(identityKeys(item({ url: 'https://t.example/a', guid: 'https://t.example/a' }))[0]).toBe('url:https://t.example/a');
    expect(identityKeys(item({ url: 'https://t.example/a', guid: 'https://T.example/a?utm_source=rss' }))[0]).toBe('url:https://t.example/a');
    expect(identityKeys(item({ url: 'https://t.example/a', guid: 'https://t.example/?p=1' }))[0]).toBe('guid:https://t.example/?p=1');
  });

  it('skips nulls and the hash of an empty item', () => {
    expect(identityKeys(item({ title: '', text: '' }))).toEqual([]);
  });
});

describe('itemIdFor', () => {
  it('is 32 hex chars, stable, and based on the URL when there is one', () => {
    const a = item({ url: 'https://t.example/a', guid: 'g1' });
    const id = itemIdFor(a, 'trade');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(itemIdFor({ ...a, guid: 'other', title: 'changed' }, 'other-source')).toBe(id);
  });

  it('uses source + guid without a URL, then the hash', () => {
    const g = item({ guid: 'g1' });
    expect(itemIdFor(g, 'a')).not.toBe(itemIdFor(g, 'b'));
    expect(itemIdFor(g, 'a')).toBe(itemIdFor({ ...g, title: 'edited' }, 'a'));
    const h = item({});
    expect(itemIdFor(h, 'a')).toBe(itemIdFor(h, 'b'));
    expect(itemIdFor(h, 'a')).not.toBe(itemIdFor(item({ text: 'different' }), 'a'));
  });
});

describe('SeenSet', () => {
  it('reports a repeat by any key: same guid, same URL, or same content', () => {
    const seen = new SeenSet();
    expect(seen.add(item({ url: 'https://t.example/a', guid: 'g1' }))).toBe(true);
    expect(seen.add(item({ url: 'https://t.example/b', guid: 'g1', text: 'x' }))).toBe(false);
    expect(seen.add(item({ url: 'https://t.example/a', guid: 'g2', text: 'y' }))).toBe(false);
    expect(seen.add(item({ url: 'https://t.example/c', guid: 'g3' }))).toBe(false); // same title + text as the first
    expect(seen.add(item({ url: 'https://t.example/d', guid: 'g4', text: 'z' }))).toBe(true);
  });

  it('remembers the keys of duplicates too, and nothing else', () => {
    const seen = new SeenSet();
    seen.add(item({ url: 'https://t.example/a', guid: 'g1' }));
    seen.add(item({ url: 'https://t.example/b', guid: 'g1', text: 'x' })); // duplicate by guid, brings url b
    expect(seen.add(item({ url: 'https://t.example/b', guid: 'g9', text: 'q' }))).toBe(false);
    expect(seen.size).toBe(7);
  });

  it('does not treat empty items as duplicates of each other', () => {
    const seen = new SeenSet();
    expect(seen.add(item({ title: '', text: '', guid: 'a' }))).toBe(true);
    expect(seen.add(item({ title: '', text: '', guid: 'b' }))).toBe(true);
  });
});
