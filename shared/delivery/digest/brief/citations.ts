// The brief's sources: items numbered on first use, then renumbered in reading order (the narrative's first).
import type { Item } from '../../../model/item.js';
import type { Citation, NarrativeSentence } from '../../../model/brief.js';
import { absoluteHttpUrl } from '../../../util/url.js';

/** Numbers cited items on first use and resolves their title, URL and outlet name. */
export class Citations {
  readonly list: Citation[] = [];
  private readonly byItem = new Map<string, number>();
  constructor(
    private readonly items: Map<string, Item>,
    private readonly sourceNames: Map<string, string>,
  ) {}
  cite(itemIds: string[], max = 3): number[] {
    const out: number[] = [];
    for (const id of itemIds) {
      if (out.length >= max) break;
      const item = this.items.get(id);
      if (!item) continue;
      let n = this.byItem.get(id);
      if (n === undefined) {
        n = this.list.length + 1;
        this.byItem.set(id, n);
        this.list.push({ n, itemId: id, title: item.title || '(untitled)', url: absoluteHttpUrl(item.url), source: this.sourceNames.get(item.sourceId) ?? item.sourceId });
      }
      if (!out.includes(n)) out.push(n);
    }
    return out;
  }
}

/**
 * Numbers the sources in reading order of the brief: the narrative's citations first, then the others in order of
 * first use. Rewrites the `cites` of the narrative and of every cited section in place; returns the citation list.
 */
export function renumberCitations(cites: Citations, narrative: NarrativeSentence[], sections: Array<Array<{ cites: number[] }>>): Citation[] {
  const order = [...new Set([...narrative.flatMap((x) => x.cites), ...cites.list.map((c) => c.n)])];
  const renumber = new Map(order.map((old, i) => [old, i + 1]));
  const re = (list: number[]) => list.map((n) => renumber.get(n)!);
  for (const x of narrative) x.cites = re(x.cites);
  for (const section of sections) for (const x of section) x.cites = re(x.cites);
  return order.map((old, i) => ({ ...cites.list[old - 1]!, n: i + 1 }));
}
