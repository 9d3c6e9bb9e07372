// URLs from the web, made safe to link: only absolute http(s), re-serialized so quotes and angle brackets are percent-encoded.

/** The URL as an absolute http(s) href, or null for anything else (relative, javascript:, malformed). */
export function absoluteHttpUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  // Pure, and called for every citation of every answer: remembered (bounded).
  const hit = safeUrls.get(u);
  if (hit !== undefined) return hit;
  if (safeUrls.size >= 20_000) safeUrls.clear();
  const safe = parseHttpUrl(u);
  safeUrls.set(u, safe);
  return safe;
}

const safeUrls = new Map<string, string | null>();

function parseHttpUrl(u: string): string | null {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
