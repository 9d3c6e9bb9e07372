// The strategists' web page: a static shell, its stylesheet and script (no CDN, no framework; all data comes from /v1 with
// the user's key). The files live in ./assets beside this module — and beside the bundle wherever it is built (dist/ for
// the CLI, the Lambda asset for the query function), so they are read from there once and kept.
import { readFileSync } from 'node:fs';

export const PAGE_ASSETS = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'interest.js': 'text/javascript; charset=utf-8',
} as const;
export type PageAsset = keyof typeof PAGE_ASSETS;

const loaded = new Map<PageAsset, string>();

/** The text of one page asset, read on first use. */
export function pageAsset(name: PageAsset): string {
  let text = loaded.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
    loaded.set(name, text);
  }
  return text;
}
