// Genre words as the trades write them, mapped to one canonical genre each.
const GENRES: Array<[string, RegExp]> = [
  ['horror', /\b(horror|slasher|scare ?fest|haunted|possession)\b/i],
  ['thriller', /\b(thriller|actioner|spy|heist|neo-noir)\b/i],
  ['action', /\b(action|actioner|martial[- ]arts|blockbuster)\b/i],
  ['comedy', /\b(comedy|comedic|laugher|farce)\b/i],
  ['romance', /\b(rom-?com|romance|romantic|love story)\b/i],
  ['family', /\b(family|animated|animation|toon|kids)\b/i],
  ['animation', /\b(animated|animation|toon|pixar|illumination|dreamworks animation)\b/i],
  ['sci-fi', /\b(sci-?fi|science[- ]fiction|space|alien|generation ship)\b/i],
  ['fantasy', /\b(fantasy|dragon|wizard|fairy[- ]tale)\b/i],
  ['drama', /\b(drama|dramatic|family drama|period piece|melodrama)\b/i],
  ['musical', /\b(musical|music biopic)\b/i],
  ['documentary', /\b(documentary|doc)\b/i],
  ['biopic', /\b(biopic|true story|based on the life)\b/i],
  ['superhero', /\b(superhero|comic[- ]book|marvel|dc studios)\b/i],
  ['war', /\bwar (film|epic|drama)\b/i],
  ['western', /\bwestern\b/i],
  ['holiday', /\b(christmas|holiday movie|thanksgiving movie)\b/i],
];

/** Canonical genres named in a text ("Illumination toon" → family, animation). */
export function genresIn(text: string): string[] {
  return GENRES.filter(([, re]) => re.test(text)).map(([g]) => g);
}

/** Canonical genres of a workspace's free-form genre labels ("Rom-Com" → romance, comedy). */
export function canonicalGenres(labels: string[]): string[] {
  const out = new Set<string>();
  for (const label of labels) {
    const found = genresIn(label);
    if (found.length === 0) out.add(label.toLowerCase());
    for (const g of found) out.add(g);
    if (/rom-?com/i.test(label)) out.add('comedy');
  }
  return [...out];
}
