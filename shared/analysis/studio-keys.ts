// Comparison keys of the workspace's competitor studios (names and aliases).
import type { Competitor } from '../model/workspace.js';
import { titleKey } from '../util/text.js';

/** Every name and alias of the competitors, as title keys. */
export function studioKeys(competitors: Competitor[]): Set<string> {
  return new Set(competitors.flatMap((c) => [c.name, ...c.aliases]).map(titleKey));
}
