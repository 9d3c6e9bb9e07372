// Clock port: "now" comes from here so runs can be pinned (the demo workspace) and tests are deterministic.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at `iso` (the demo workspace pins its clock so digests are reproducible). */
export function fixedClock(iso: string): Clock {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new Error(`invalid clock time "${iso}"`);
  return { now: () => new Date(t.getTime()) };
}
