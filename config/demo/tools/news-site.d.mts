// Types of news-site.mjs for TypeScript callers (the scale benchmark).
export interface StoryVersion {
  /** Outlet key (dw, hl, vi, …). */
  o: string;
  /** Pacific wall-clock time 'MM-DD HH:MM' (2026). */
  at: string;
  h?: string;
  b?: string;
  cat?: string[];
  copyOf?: string;
  emptyTitle?: boolean;
  noDate?: boolean;
  slug?: string;
  by?: string;
  htmlExtra?: string;
}
export interface DemoStory {
  id: string;
  type: string;
  collision?: string;
  studios?: string[];
  titles?: string[];
  flags?: string[];
  v: StoryVersion[];
  /** Versions are dated this much earlier. */
  shiftMs?: number;
}
export interface Outlet {
  id: string;
  name: string;
  file: string;
  format: string;
  domain: string;
  url: (p: Record<string, unknown>) => string;
  guid?: (p: Record<string, unknown>) => string;
  [key: string]: unknown;
}
export interface RenderedItem {
  story: DemoStory;
  v: StoryVersion;
  outletKey: string;
  h: string;
  b: string;
  date: Date;
  canonical: string;
}
export const BASE: string;
export const CLOCK: number;
export const EARLIEST: number;
export const OUTLETS: Record<string, Outlet>;
export function buildNewsSite(
  stories: DemoStory[],
  options?: { outlets?: Record<string, Outlet>; clock?: number; earliest?: number },
): { files: Array<{ path: string; content: string | Uint8Array }>; items: RenderedItem[]; counts: Record<string, number> };
