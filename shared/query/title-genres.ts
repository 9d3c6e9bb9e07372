// A title's genres: the release calendar's when it has them, else read from how the coverage describes it ("Neon's horror film Static Girl").
import { genresIn } from '../analysis/genres.js';
import type { EventStore, ReleaseStore } from '../ports/analysis-store.js';
import type { ItemStore } from '../ports/store.js';
import { titleKey } from '../util/text.js';
import type { BoxOfficeEntry } from '../model/boxoffice.js';

const WINDOW = 60;

/** Genre words next to the title's mentions (same sentence, within 60 characters), counted across texts. */
export function genresNearTitle(title: string, texts: string[]): string[] {
  const votes = new Map<string, number>();
  const re = new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'gi');
  for (const text of texts) {
    const seen = new Set<string>();
    for (const m of text.matchAll(re)) {
      const start = Math.max(0, m.index - WINDOW);
      const end = Math.min(text.length, m.index + m[0].length + WINDOW);
      let before = text.slice(start, m.index);
      let after = text.slice(m.index + m[0].length, end);
      before = before.slice(before.search(/[^.!?]*$/));
      after = after.split(/[.!?](\s|$)/)[0] ?? '';
      for (const g of genresIn(`${before} ${after}`)) seen.add(g);
    }
    for (const g of seen) votes.set(g, (votes.get(g) ?? 0) + 1);
  }
  if (votes.size === 0) return [];
  const top = Math.max(...votes.values());
  // Keep what most texts agree on: a genre named once in a roundup next to another title is noise.
  return [...votes.entries()].filter(([, n]) => n >= Math.max(1, top / 2)).map(([g]) => g).sort();
}

export class TitleGenres {
  private readonly cache = new Map<string, { at: number; genres: Promise<string[]> }>();

  constructor(
    private readonly deps: { analysis: EventStore & ReleaseStore; store: ItemStore },
    private readonly ttlMs = 60_000,
  ) {}

  of(title: string): Promise<string[]> {
    const key = titleKey(title);
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.genres;
    const genres = this.read(title, key);
    this.cache.set(key, { at: Date.now(), genres });
    genres.catch(() => this.cache.delete(key));
    return genres;
  }

  /** A genre's part of one weekend chart: the chart's total, the genre's gross and share (%, one decimal), its entries. */
  async shareOf(entries: readonly BoxOfficeEntry[], genre: string): Promise<{ total: number; gross: number; share: number; entries: BoxOfficeEntry[] }> {
    let total = 0;
    let gross = 0;
    const hits: BoxOfficeEntry[] = [];
    for (const e of entries) {
      total += e.gross ?? 0;
      if (e.gross && (await this.of(e.title)).includes(genre)) {
        gross += e.gross;
        hits.push(e);
      }
    }
    return { total, gross, share: total ? Math.round((gross / total) * 1000) / 10 : 0, entries: hits };
  }

  private async read(title: string, key: string): Promise<string[]> {
    const release = await this.deps.analysis.getRelease(key);
    if (release?.genres.length) return release.genres;
    const events = (await this.deps.analysis.eventsByTitle(title, { limit: 30 })).items;
    const items = await this.deps.store.getItems([...new Set(events.flatMap((e) => e.itemIds))].slice(0, 60));
    return genresNearTitle(title, items.map((i) => `${i.title}. ${i.text}`));
  }
}
