// The site's own name after a headline ("… Lands on Disney Plus - CNET", "… Latest To Join - Deadline", "… - Reuters
// India"): feed and aggregator titles carry it, and read as the headline's last words it would count as the story's
// ("hl:cnet" for every story of one outlet). It is cut where it names the article's own site, known by its address.

const SUFFIX = /\s+[-|–—]\s+([^-|–—]{2,40}?)\s*$/;
// Second-level labels that are not the site's name ("bbc.co.uk", "abc.net.au").
const GENERIC_LABELS = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'go', 'news']);

/** The site's name as its address spells it: "cnet" for www.cnet.com, "bbc" for bbc.co.uk, "hollywoodreporter". */
function siteLabel(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const labels = host.replace(/^www\d?\./, '').split('.');
  labels.pop();
  while (labels.length > 1 && GENERIC_LABELS.has(labels[labels.length - 1]!)) labels.pop();
  const main = labels.pop();
  return main && main.length >= 3 ? main.replace(/[^a-z0-9]/g, '') : null;
}

/** The headline without a trailing " - Site" that names the article's own site; unchanged otherwise. */
export function stripSiteSuffix(headline: string, url: string | null | undefined): string {
  if (!url) return headline;
  const m = SUFFIX.exec(headline);
  if (!m) return headline;
  const site = siteLabel(url);
  if (!site) return headline;
  const words = m[1]!.toLowerCase().replace(/^the\s+/, '').split(/[^a-z0-9]+/).filter(Boolean);
  const named = words.join('');
  const plain = site.replace(/^the/, '');
  if (plain.length < 3) return headline;
  // "CNET" on cnet.com, "Reuters India" and "Reuters.com" on reuters.com, "NDTV Movies" on ndtv.com, "The Guardian".
  if (named.length >= 3 && (named === plain || named.startsWith(plain) || plain.startsWith(named))) return headline.slice(0, m.index).trimEnd();
  // Leading words by their initials: "Los Angeles Times" on latimes.com, "New York Post" on nypost.com, "Wall Street
  // Journal" on wsj.com.
  for (let k = 2; k <= words.length; k++) {
    if (words.slice(0, k).map((w) => w[0]).join('') + words.slice(k).join('') === plain) return headline.slice(0, m.index).trimEnd();
  }
  return headline;
}
