// URLs from the web, made safe to link: only absolute http(s), re-serialized so quotes and angle brackets are percent-encoded.

/** The URL as an absolute http(s) href, or null for anything else (relative, javascript:, malformed). */
export function absoluteHttpUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
