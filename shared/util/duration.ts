// Parses workspace durations ("15m", "1h", "2h30m", "1d") into milliseconds.

/** Milliseconds in a duration string like "15m", "1h", "2h30m" or "1d". */
export function durationMs(text: string): number {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
  if (!m || text === '') throw new Error(`invalid duration "${text}"`);
  const [, d = '0', h = '0', min = '0'] = m;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000;
}
