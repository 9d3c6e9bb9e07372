// Generates a workspace N times the demo for bench:scale: the demo's stories retitled, re-studioed and shifted in time, in more outlets.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BASE, CLOCK, OUTLETS, buildNewsSite, type DemoStory, type Outlet } from '../../../config/demo/tools/news-site.mjs';
import { DEMO_STORIES } from '../../../config/demo/tools/gen-news.mjs';
import { FILMS } from '../../../config/demo/tools/boxoffice-data.mjs';
import { extractPeople } from '../../../agents/analyst/embedded/people.js';
import { loadWorkspaceFile } from '../../../shared/config/workspace-file.js';
import type { Source, Workspace } from '../../../shared/model/workspace.js';

/** Copies of the demo per outlet edition: a 50× workspace has 10 editions of the 11 item sources (110 feeds and newsrooms). */
export const COPIES_PER_EDITION = 5;
/** Each copy is dated this much earlier than the one before: more than the 36 h story window, so copies never merge. */
export const COPY_SHIFT_MS = 72 * 3_600_000 + 11 * 60_000;
/** The next poll: items of each copy's last this-many hours are held back from the cold cycle and appear in the second. */
export const HOLD_BACK_MS = 12 * 3_600_000;

const EDITIONS = ['', 'West', 'East', 'International', 'Asia', 'Europe', 'Latin America', 'Canada', 'UK', 'Australia', 'India', 'Africa', 'Nordic', 'Pacific', 'Gulf', 'Iberia', 'Benelux', 'Alps', 'Balkans', 'Baltic'];

// Words for new titles: a copy maps every word of every demo title to one of these.
const WORDS = `Amber Anvil Arrow Ashen Aster Atlas Aurora Autumn Badger Banner Barrow Basalt Beacon Birch Blossom Bramble Breaker
Bridge Brimstone Bronze Buckle Cactus Canyon Caravan Cardinal Carousel Cascade Castle Cedar Cellar Chalk Chariot Cinder Citadel
Clover Cobalt Comet Compass Copper Coral Corsair Cradle Crane Crescent Crimson Crystal Cypress Dagger Dahlia Delta Desert Drifter
Dusk Dynamo Echo Eclipse Elm Emerald Engine Falcon Feather Fennel Fern Fiddler Firefly Flint Fog Forge Fox Frontier Frost Garnet
Gazelle Geyser Ghost Glacier Goldfinch Granite Gravel Griffin Grove Gull Harbor Harvest Hawk Heather Heron Hickory Hollow Honey
Horizon Hornet Hunter Hush Indigo Iris Island Ivory Jackal Jade Jasper Jetty Juniper Kestrel Kettle Keystone Lagoon Lantern Larch
Lark Laurel Ledger Lilac Linen Lotus Lynx Magnet Mallow Mammoth Maple Marble Marigold Meadow Mercury Mesa Meteor Midnight Mirage
Mist Monarch Moss Moth Nebula Needle Nettle Nomad Nova Oak Oasis Obsidian Ocelot Onyx Opal Orbit Orchid Osprey Otter Outpost
Paladin Panther Parade Pebble Pelican Pepper Pilgrim Pine Pinwheel Pioneer Plume Polar Poppy Prairie Prism Quarry Quartz Quill
Raven Reef Relic Ribbon Ridge Rocket Rook Rosewood Ruby Saffron Sage Sapphire Satellite Scarab Sentinel Shadow Shale Sierra
Signal Silver Slate Sparrow Spindle Spire Spruce Squall Stag Starling Steeple Stone Summit Swallow Talon Tamarind Tempest Thistle
Thorn Thunderbird Tide Timber Topaz Torch Tulip Tundra Turquoise Twilight Umber Valley Vapor Velvet Vessel Viper Vista Voyager
Walnut Warden Wasp Willow Winter Wisp Wolf Yarrow Zenith Zephyr`.split(/\s+/);

// Surnames for people: a copy maps every surname the demo names to one of these.
const SURNAMES = `Abbott Acosta Adler Ainsley Alcott Alvarez Amundsen Archer Arden Ashby Avery Bancroft Barlow Barrett Beaumont Bellamy
Benson Blackwood Blake Bowman Brennan Briggs Brody Calder Callahan Carver Castillo Chandler Chen Cisneros Clayton Colbert Conway
Crowley Dalton Darrow Delacroix Devlin Dorsey Drake Dunbar Eastman Ellison Emerson Everett Falkner Farrow Fenwick Finch Fleming
Forsythe Foster Gallagher Garrity Gideon Goodwin Graves Greer Hadley Halloran Hammond Harper Hastings Hawthorne Hayward Holt Hughes
Hutchins Ingram Iverson Jansen Jarvis Kagan Keller Kendrick Kessler Kimura Kingsley Kovacs Lachance Landry Langley Larkin Lennox
Lindgren Lockhart Lowry Lucero Maddox Malone Marsh Mercer Merritt Monroe Montague Moreno Morrow Nakamura Navarro Nash Novak Oakley
Ocampo Oliveira Osborne Pacheco Palmer Park Pearce Pemberton Pike Prescott Quinlan Radcliffe Ramsey Reyes Rhodes Rivers Rowe
Salazar Sanderson Santoro Sawyer Sinclair Sloane Sorensen Spencer Sterling Stroud Sutton Talbot Tanaka Thorne Tolliver Underwood
Valdez Vance Varga Vaughn Wade Wakefield Walker Warwick Webb Wells Whitaker Winslow Wolfe Wright Yates Yoshida Zamora Zeller`.split(/\s+/);

const KEEP = new Set(['The', 'the', 'of', 'in', 'at', 'and', '&', 'a', 'A', 'Me', 'Part', 'Two', 'La', 'Ki', 'on', 'to']);

// Competitor studios as the copy text names them: a copy rotates them (form by form: long name to long name, short to short).
const STUDIO_FAMILIES = [
  ['Warner Bros. Pictures', 'Warner Bros.', 'Warners'],
  ['Universal Pictures', 'Universal'],
  ['Sony Pictures', 'Sony'],
  ['Paramount Pictures', 'Paramount'],
  ['Walt Disney Studios', 'Disney'],
  ['Lionsgate'],
  ['A24'],
  ['Neon'],
  ['Amazon MGM Studios', 'Amazon MGM'],
  ['Netflix'],
];

// Festivals and markets: a copy rotates them too (festival news names no title or studio).
const FESTIVALS = ['Sundance', 'Berlinale', 'Marrakech', 'Tallinn', 'IDFA', 'CinemaCon', 'Venice', 'Telluride', 'Cannes', 'Busan', 'Sitges', 'Locarno', 'Rotterdam', 'Tribeca', 'Karlovy Vary', 'San Sebastian', 'Annecy', 'Hot Docs', 'Zurich', 'Mar del Plata', 'Thessaloniki'];
const FESTIVALS_NAMED = 11; // the first eleven appear in the demo

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_RE = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(\.?) (\d{1,2})(?!\d)(, (\d{4}))?/g;

/**
 * Moves the calendar dates a copy's text names ("Dec. 11", "January 22, 2027") by whole weeks, so its
 * releases fall on other Fridays than the demo's (and its weekday names stay right). A date without a
 * year is read as the demo reads it: September to December 2026, January to August 2027.
 */
function dateShifter(days: number): (s: string) => string {
  if (days === 0) return (s) => s;
  return (s) =>
    s.replace(MONTH_RE, (whole, month: string, dot: string, day: string, withYear: string | undefined, year: string | undefined) => {
      const m = MONTHS.findIndex((x) => x.startsWith(month.slice(0, 3)));
      const y = year ? Number(year) : m >= 8 ? 2026 : 2027;
      const d = new Date(Date.UTC(y, m, Number(day)));
      if (d.getUTCMonth() !== m) return whole; // not a date ("May 45")
      d.setUTCDate(d.getUTCDate() + days);
      const full = MONTHS[d.getUTCMonth()]!;
      const name = month.length > 3 && month !== 'Sept' ? full : full === 'May' ? 'May' : full === 'September' && month === 'Sept' ? 'Sept' : full.slice(0, 3);
      return `${name}${name === 'May' || name.length > 4 ? '' : dot} ${d.getUTCDate()}${withYear ? `, ${d.getUTCFullYear()}` : ''}`;
    });
}

function h32(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One replacer for many literal strings (longest first, whole words). */
function replacer(map: Map<string, string>): (s: string) => string {
  if (map.size === 0) return (s) => s;
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\w])(?:${keys.map(escapeRegex).join('|')})(?![\\w])`, 'g');
  return (s) => s.replace(re, (m) => map.get(m) ?? m);
}

/** Titles a copy renames: every title the demo stories and charts name (the copies' Harbor Light news is about other films than the slate). */
function renamableTitles(): string[] {
  const titles = new Set<string>(DEMO_STORIES.flatMap((s) => s.titles ?? []));
  for (const f of FILMS) titles.add(f.title);
  return [...titles];
}

/** Surnames of the people the demo stories name (two-word names only; the extractor also finds titles and studios). */
function demoSurnames(titles: string[]): string[] {
  const titleWords = new Set(titles.flatMap((t) => t.split(/[\s:]+/)));
  const surnames = new Set<string>();
  for (const st of DEMO_STORIES) {
    for (const v of st.v) {
      for (const text of [v.h ?? '', (v.b ?? '').replace(/\*/g, '')]) {
        for (const name of extractPeople(text, [], 50)) {
          const parts = name.split(' ');
          if (parts.length !== 2 || !parts.every((w) => /^\p{Lu}[\p{L}-]+$/u.test(w) && !titleWords.has(w))) continue;
          if (/^(Harbor|Light|Pictures|Screen|Gems|Film|Festival|Awards)$/.test(parts[1]!)) continue;
          surnames.add(parts[1]!);
        }
      }
    }
  }
  return [...surnames].sort();
}

/** The text rewriter of copy `k` (copy 0 is the demo itself). */
function copyRewriter(k: number, titles: string[], surnames: string[]): (s: string) => string {
  const map = new Map<string, string>();
  const people = [...SURNAMES].sort((a, b) => h32(`${k}:${a}`) - h32(`${k}:${b}`));
  surnames.forEach((s, i) => map.set(s, people[i % people.length]!));
  // Title words map injectively within a copy, so sequels keep their relation ("Static Girl" / "Static Girl 2").
  const words = [...new Set(titles.flatMap((t) => t.split(/[\s:]+/)).filter((w) => w && !KEEP.has(w) && !/^\d+$/.test(w)))].sort();
  const pool = [...WORDS].sort((a, b) => h32(`${k}:${a}`) - h32(`${k}:${b}`));
  const wordMap = new Map(words.map((w, i) => [w, pool[i % pool.length]!]));
  for (const t of titles) {
    const renamed = t.replace(/[^\s:]+/g, (w) => wordMap.get(w) ?? w);
    map.set(t, renamed);
    map.set(t.toUpperCase(), renamed.toUpperCase());
  }
  const shift = k % STUDIO_FAMILIES.length;
  STUDIO_FAMILIES.forEach((family, i) => {
    const target = STUDIO_FAMILIES[(i + shift) % STUDIO_FAMILIES.length]!;
    family.forEach((form, j) => {
      const to = target[Math.min(j, target.length - 1)]!;
      if (!map.has(form)) map.set(form, to);
      if (!map.has(form.toUpperCase())) map.set(form.toUpperCase(), to.toUpperCase());
    });
  });
  map.set('Sony Pictures Classics', 'Sony Pictures Classics'); // a label of its own, never rotated
  const festivals = [...FESTIVALS].sort((a, b) => h32(`${k}:${a}`) - h32(`${k}:${b}`));
  FESTIVALS.slice(0, FESTIVALS_NAMED).forEach((f, i) => map.set(f, festivals[i]!));
  const names = replacer(map);
  // The copy's news is older; so are the dates it names (whole weeks: Friday releases stay Fridays).
  const dates = dateShifter(-7 * Math.round((k * COPY_SHIFT_MS) / (7 * 86_400_000)));
  return (s) => names(dates(s));
}

/** The studio a copy's text names instead of `studio`. */
function rotatedStudio(k: number, studio: string): string {
  const i = STUDIO_FAMILIES.findIndex((f) => f[0] === studio || f.includes(studio));
  return i < 0 ? studio : STUDIO_FAMILIES[(i + k) % STUDIO_FAMILIES.length]![0]!;
}

/** The demo's stories as copy `k`: new ids, titles, rotated studios, dated k × COPY_SHIFT_MS earlier. */
function copyStories(k: number, titles: string[], surnames: string[]): DemoStory[] {
  if (k === 0) return DEMO_STORIES;
  const rewrite = copyRewriter(k, titles, surnames);
  return DEMO_STORIES.map((st) => ({
    ...st,
    id: `${st.id}~${k}`,
    titles: (st.titles ?? []).map(rewrite),
    studios: (st.studios ?? []).map((s) => rotatedStudio(k, s)),
    shiftMs: k * COPY_SHIFT_MS,
    v: st.v.map((v) => ({ ...v, ...(v.h !== undefined ? { h: rewrite(v.h) } : {}), ...(v.b !== undefined ? { b: rewrite(v.b) } : {}), slug: `${k} ${v.slug ?? (v.h || st.id)}` })),
  }));
}

function editionSlug(e: number): string {
  return EDITIONS[e]!.toLowerCase().replace(/\s+/g, '-');
}

/** The outlets of edition `e` (edition 0 is the demo's own). */
function editionOutlets(e: number): Record<string, Outlet> {
  if (e === 0) return OUTLETS;
  const slug = editionSlug(e);
  const prefix = `e${e}/`;
  return Object.fromEntries(
    Object.entries(OUTLETS).map(([key, o]) => {
      const newsroom = o.format.startsWith('newsroom');
      const clone: Outlet = {
        ...o,
        id: `${o.id}-${slug}`,
        name: `${o.name} ${EDITIONS[e]}`,
        file: `${prefix}${o.file}`,
        domain: newsroom ? o.domain : `${o.domain}/${slug}`,
        url: newsroom ? (p) => o.url(p).replace(`${BASE}newsroom/`, `${BASE}${prefix}newsroom/`) : o.url,
        // Some outlets' guids are bare post numbers ("hl-1236418432"): an edition's must differ from the demo's.
        ...(o.guid ? { guid: (p: Record<string, unknown>) => `${o.guid!(p)}#${slug}` } : {}),
      };
      return [key, clone];
    }),
  );
}

export interface ScaleSite {
  size: number;
  editions: number;
  /** Files of the cold cycle and of the next poll (the second cycle), paths relative to the site root. */
  cold: Array<{ path: string; content: string | Uint8Array }>;
  next: Array<{ path: string; content: string | Uint8Array }>;
  /** Item versions in the cold files and held back for the next poll. */
  coldItems: number;
  nextItems: number;
  workspace: Workspace;
}

/** Builds the site and workspace of a workspace `size` times the demo. */
export async function buildScaleSite(size: number, demoWorkspacePath = 'config/demo/workspace.yaml'): Promise<ScaleSite> {
  const demo = await loadWorkspaceFile(demoWorkspacePath);
  const titles = renamableTitles();
  const surnames = demoSurnames(titles);
  const editions = Math.ceil(size / COPIES_PER_EDITION);
  if (editions > EDITIONS.length) throw new Error(`at most ${EDITIONS.length * COPIES_PER_EDITION}× the demo`);
  const earliest = CLOCK - size * COPY_SHIFT_MS - 60 * 86_400_000;
  const cold: ScaleSite['cold'] = [];
  const next: ScaleSite['next'] = [];
  let coldItems = 0;
  let nextItems = 0;
  const sources: Source[] = [];
  // News sources are copied per edition; the others (charts, audience interest) are kept once, as in the demo.
  const itemSources = demo.sources.filter((s) => s.kind === 'rss' || s.kind === 'html');
  for (let e = 0; e < editions; e++) {
    const copies: DemoStory[] = [];
    for (let k = e * COPIES_PER_EDITION; k < Math.min(size, (e + 1) * COPIES_PER_EDITION); k++) copies.push(...copyStories(k, titles, surnames));
    const outlets = editionOutlets(e);
    const full = buildNewsSite(copies, { outlets, earliest });
    // The cold site lacks each copy's last HOLD_BACK_MS of news; the next poll has everything.
    // (Copies are shifted whole, so the same versions are held back in every copy.)
    const held = (v: DemoStory['v'][number]) => !v.noDate && CLOCK - ptMs(v.at) < HOLD_BACK_MS;
    const coldStories = copies
      .map((st) => ({ ...st, v: st.v.filter((v) => !held(v) && !(v.copyOf && held(st.v.find((x) => x.o === v.copyOf)!))) }))
      .filter((st) => st.v.length > 0);
    const partial = buildNewsSite(coldStories, { outlets, earliest });
    const keep = (f: { path: string }) => !/newsroom\/(lionsgate|a24)\//.test(f.path); // detail pages are never crawled
    cold.push(...partial.files.filter(keep));
    next.push(...full.files.filter(keep));
    coldItems += partial.items.length;
    nextItems += full.items.length - partial.items.length;
    for (const s of itemSources) {
      const key = Object.keys(OUTLETS).find((x) => OUTLETS[x]!.id === s.id);
      if (!key) throw new Error(`no outlet for source ${s.id}`);
      const o = outlets[key]!;
      const studio = s.studio ? rotatedStudio(e * COPIES_PER_EDITION, s.studio) : undefined;
      sources.push({ ...s, id: o.id, name: o.name, url: o.file, ...(studio ? { studio } : {}) });
    }
  }
  sources.push(...demo.sources.filter((s) => !(itemSources as Source[]).includes(s)));
  const competitors = demo.competitors;
  return {
    size,
    editions,
    cold,
    next,
    coldItems,
    nextItems,
    workspace: { ...demo, name: `${demo.name} × ${size}`, sources, competitors },
  };
}

/** 'MM-DD HH:MM' Pacific (2026) as epoch ms, as news-site.mjs reads it. */
function ptMs(at: string): number {
  const m = /^(\d\d)-(\d\d) (\d\d):(\d\d)$/.exec(at)!;
  const [mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number];
  let t = Date.UTC(2026, mo - 1, d, h + 7, mi);
  if (t >= Date.UTC(2026, 10, 1, 9, 0)) t = Date.UTC(2026, mo - 1, d, h + 8, mi);
  return t;
}

/** The demo's site folders the generated news does not replace (charts, audience interest), copied under `root`. */
export async function copyDemoExtras(root: string, demoSite = 'config/demo/site'): Promise<void> {
  for (const dir of ['boxoffice', 'youtube', 'wikimedia']) await cp(join(demoSite, dir), join(root, dir), { recursive: true });
}

/** Writes files under `root`. */
export async function writeSiteFiles(root: string, files: Array<{ path: string; content: string | Uint8Array }>): Promise<void> {
  for (const f of files) {
    const p = join(root, f.path);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, f.content);
  }
}
