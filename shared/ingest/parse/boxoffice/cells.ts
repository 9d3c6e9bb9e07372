// Box-office cell values: money, percentages, counts, ranks and true/false flags as the chart sites print them.

const EMPTY = new Set(['', '-', '–', '—', 'n/a', 'na', '--']);

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** "$1,234,567" → 1234567; "$1.2M" → 1200000; "-" or "" → null. */
export function parseMoney(s: string | null | undefined): number | null {
  const t = clean(s).toLowerCase();
  if (EMPTY.has(t)) return null;
  const m = /^([+-])?\s*\$?\s*([\d,]*\.?\d+)\s*([kmb])?$/.exec(t.replace(/^\$\s*([+-])/, '$1'));
  if (!m) return null;
  const n = Number(m[2]!.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const scale = m[3] === 'k' ? 1e3 : m[3] === 'm' ? 1e6 : m[3] === 'b' ? 1e9 : 1;
  const v = Math.round(n * scale * 100) / 100;
  return m[1] === '-' ? -v : v;
}

/**
 * "+12.5%" → 12.5, "-42%" → -42, "+1,204%" → 1204. "<0.1%" → 0.1 and "-<0.1%" → -0.1: the bound the site printed,
 * the closest honest number. "-" or "" → null.
 */
export function parsePercent(s: string | null | undefined): number | null {
  const t = clean(s);
  if (EMPTY.has(t.toLowerCase())) return null;
  const m = /^([+-])?\s*[<>]?\s*([+-])?\s*([\d,]*\.?\d+)\s*%?$/.exec(t);
  if (!m) return null;
  const n = Number(m[3]!.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  return m[1] === '-' || m[2] === '-' ? -n : n;
}

/** "1,234" → 1234, "+12" → 12, "-310" → -310; "-" or "" → null. */
export function parseCount(s: string | null | undefined): number | null {
  const t = clean(s);
  if (EMPTY.has(t.toLowerCase())) return null;
  const m = /^([+-])?\s*(\d{1,3}(?:,\d{3})+|\d+)$/.exec(t);
  if (!m) return null;
  const n = Number(m[2]!.replace(/,/g, ''));
  return m[1] === '-' ? -n : n;
}

/** "3" or "(3)" → 3; "new", "(new)", "-", "" → null. */
export function parseRank(s: string | null | undefined): number | null {
  const t = clean(s).replace(/^\((.*)\)$/, '$1').trim();
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}

/** True when a last-rank cell says the title is new ("new", "(new)", "NEW"). */
export function isNewMarker(s: string | null | undefined): boolean {
  return /^\(?\s*new\s*\)?$/i.test(clean(s));
}

/** "true"/"false" (any case) → boolean; anything else → undefined. */
export function parseFlag(s: string | null | undefined): boolean | undefined {
  const t = clean(s).toLowerCase();
  if (t === 'true' || t === 'yes') return true;
  if (t === 'false' || t === 'no') return false;
  return undefined;
}

/** Null for the sites' "nothing here" markers, else the trimmed text. */
export function textOrNull(s: string | null | undefined): string | null {
  const t = clean(s);
  return EMPTY.has(t.toLowerCase()) ? null : t;
}
