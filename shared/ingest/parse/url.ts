// Canonical URLs: absolute, lowercased scheme/host, no fragment, default port or tracking parameters, sorted query.

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', 'ref', 'ref_', 'ref_src', 'ref_url', 'cmpid', 'cmp', 'smid', 'smtyp',
  '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv',
  'ncid', 'sr_share', 'spm', 'share', 'trk', 'trkcampaign', 'soc_src', 'soc_trk', 'at_medium', 'at_campaign', 'rss',
]);

const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  if (TRACKING_PARAMS.has(n)) return true;
  for (const p of TRACKING_PREFIXES) if (n.startsWith(p)) return true;
  return false;
}

/**
 * Canonical absolute http(s) URL for `href`, resolved against `base`; null for javascript:, mailto:, empty,
 * unparseable, non-http(s) or relative links without a usable base.
 */
export function canonicalUrl(href: string | null | undefined, base?: string | null): string | null {
  if (!href) return null;
  let h = href.trim();
  if (!h) return null;
  // Protocol-relative links without a base: the web is https now.
  if (h.startsWith('//') && !isHttpBase(base)) h = `https:${h}`;
  let u: URL;
  try {
    u = base ? new URL(h, base) : new URL(h);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  // origin drops credentials and the fragment; the query is rebuilt from its raw pairs so that the encoding stays as
  // the URL parser left it (URLSearchParams would re-encode, giving one URL two spellings).
  const query = u.search ? canonicalQuery(u.search.slice(1)) : '';
  return `${u.origin}${u.pathname}${query ? `?${query}` : ''}`;
}

/** Query pairs without tracking parameters, sorted by name (stable), joined back unchanged. */
function canonicalQuery(search: string): string {
  const pairs: Array<{ name: string; raw: string }> = [];
  for (const raw of search.split('&')) {
    if (!raw) continue;
    const eq = raw.indexOf('=');
    const rawName = eq < 0 ? raw : raw.slice(0, eq);
    let name = rawName;
    if (rawName.indexOf('%') >= 0 || rawName.indexOf('+') >= 0) {
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: compare the raw name
      }
    }
    if (!isTrackingParam(name)) pairs.push({ name, raw });
  }
  if (pairs.length > 1) pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.map((p) => p.raw).join('&');
}

function isHttpBase(base: string | null | undefined): boolean {
  return !!base && /^https?:/i.test(base);
}
