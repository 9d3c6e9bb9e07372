// Test helper: runs the public feed-reader test suites (feedparser, rss-parser) through our parser and grades the
// result against each suite's own expectations. The suites are third-party files kept outside the repository
// (test/fixtures/feed-suites/README.md says where and how they are laid out).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedItem } from '../../shared/model/item.js';
import { parseDocument } from '../../shared/ingest/parse/parse-document.js';
import { ParseError } from '../../shared/ingest/parse/parse.types.js';
import { canonicalUrl, cleanTitle, htmlToText, toIsoUtc } from '../../shared/ingest/parse/normalize.js';
import { checkExpectation, type ExpectOutcome } from './feedparser-expect.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Far enough ahead that no suite date is rejected as "in the future". */
const NOW = new Date('2100-01-01T00:00:00Z');

/**
 * Where the suites are: $MARQUEE_FEED_SUITES, else shared/feed-suites beside the repository (the steering repo's
 * shared folder, which CI lays beside the clone), else the git-ignored .tmp/feed-suites of this checkout.
 */
export function locateFeedSuites(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = [env.MARQUEE_FEED_SUITES, join(REPO, '../shared/feed-suites'), join(REPO, '.tmp/feed-suites')];
  for (const c of candidates) if (c && existsSync(join(c, 'feedparser')) && existsSync(join(c, 'rss-parser'))) return c;
  return null;
}

export interface FileOutcome {
  suite: 'feedparser' | 'rss-parser';
  /** Path inside the suite folder, e.g. tests/illformed/rss_incomplete_cdata.xml. */
  path: string;
  /** The document has at least one <item> or <entry> start tag. */
  itemBearing: boolean;
  items: number;
  warnings: string[];
  /** A clean ParseError (code: message): an expected outcome for a hopeless document. */
  parseError: string | null;
  /** Anything else thrown: always a failure. */
  crash: string | null;
  /** The suite's expectations for this file, as checked. */
  expectations: { label: string; applicable: number; met: number; failed: string[]; notApplicable: string[] }[];
  bozo: { expected: boolean; agrees: boolean } | null;
}

export interface SuiteReport {
  dir: string;
  files: FileOutcome[];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

const ITEM_TAG = /<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]/;

/** Text of a feedparser test file for reading its comment header, as feedparser's own test helper decodes it. */
function headerText(data: Buffer): string {
  const b = (i: number) => data[i];
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) return utf32(data.subarray(4), false);
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) return utf32(data.subarray(4), true);
  if (b(0) === 0 && b(1) === 0 && b(2) === 0 && b(3) === 0x3c) return utf32(data, false);
  if (b(0) === 0x3c && b(1) === 0 && b(2) === 0 && b(3) === 0) return utf32(data, true);
  if (b(0) === 0 && b(1) === 0x3c) return new TextDecoder('utf-16be').decode(data);
  if (b(0) === 0x3c && b(1) === 0) return new TextDecoder('utf-16le').decode(data);
  if (b(0) === 0xfe && b(1) === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  if (b(0) === 0xff && b(1) === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  return data.toString('utf8');
}

function utf32(data: Buffer, le: boolean): string {
  let s = '';
  for (let i = 0; i + 3 < data.length; i += 4) {
    const cp = le ? data.readUInt32LE(i) : data.readUInt32BE(i);
    s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return s;
}

async function parseBytes(data: Uint8Array, name: string, contentType?: string) {
  try {
    const r = await parseDocument(data, { name, kind: 'rss', contentType, now: NOW });
    if (r.kind === 'boxoffice') throw new Error('parsed as a box-office chart');
    return { items: r.items, warnings: r.warnings, parseError: null, crash: null };
  } catch (e) {
    if (e instanceof ParseError) return { items: [], warnings: [], parseError: `${e.code}: ${e.message}`, crash: null };
    return { items: [], warnings: [], parseError: null, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** A warning that says the document itself was broken (feedparser would set `bozo`), not a note about an item. */
export function isBozoWarning(w: string): boolean {
  return /^(recovered|repaired)\b|declares|not valid UTF-8|unknown charset|no usable charset|undeclared namespace/i.test(w);
}

const BODY_TAGS = /<((?:[A-Za-z_][\w.-]*:)?(?:description|summary|content|encoded|fullitem|body))[\s>/]/g;

/** Distinct body element names inside the first <item>/<entry> of the document. */
function bodiesOfFirstEntry(text: string): string[] {
  const doc = text.replace(/<!--[\s\S]*?-->/g, '');
  const start = doc.search(ITEM_TAG);
  if (start < 0) return [];
  const rest = doc.slice(start + 1);
  const end = rest.search(ITEM_TAG);
  const entry = end < 0 ? rest : rest.slice(0, end);
  return [...new Set([...entry.matchAll(BODY_TAGS)].map((m) => m[1]!))];
}

async function runFeedparser(root: string): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const file of walk(join(root, 'tests')).filter((f) => f.endsWith('.xml'))) {
    const data = readFileSync(file);
    const text = headerText(data);
    const path = relative(root, file);
    const header = /Content-type:(.*)$/im.exec(text.match(/^Header:\s+.*$/gm)?.join('\n') ?? '');
    const parsed = await parseBytes(data, path, header?.[1]?.trim());
    const expect = /Description:\s*(.*?)\s*Expect:\s*(.*)\s*-->/.exec(text);
    const o: FileOutcome = {
      suite: 'feedparser',
      path,
      itemBearing: ITEM_TAG.test(text.replace(/<!--[\s\S]*?-->/g, '')),
      items: parsed.items.length,
      warnings: parsed.warnings,
      parseError: parsed.parseError,
      crash: parsed.crash,
      expectations: [],
      bozo: null,
    };
    if (expect) {
      const bozo = parsed.parseError !== null || parsed.warnings.some(isBozoWarning);
      let outcome: ExpectOutcome;
      try {
        outcome = checkExpectation(expect[2]!.trim(), { items: parsed.items, bozo, bodies: bodiesOfFirstEntry(text) });
      } catch (e) {
        throw new Error(`${path}: cannot evaluate Expect: ${expect[2]}: ${(e as Error).message}`);
      }
      o.bozo = outcome.bozo;
      o.expectations.push({ label: outcome.expression, ...outcome.content });
    }
    out.push(o);
  }
  return out;
}

type Json = Record<string, unknown>;

function strOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Json)._ === 'string') return (v as Json)._ as string;
  return null;
}

function authorName(s: string): string {
  const paren = /^\s*\S+@\S+\s*\((.+)\)\s*$/.exec(s);
  return cleanTitle(paren ? paren[1] : s);
}

/** rss-parser's expected value of one field of one item, normalized as ours is; undefined when it has none. */
const RSS_PARSER_FIELDS: Record<string, { ours: (i: ParsedItem) => unknown; theirs: (e: Json, base?: string) => unknown }> = {
  title: { ours: (i) => i.title, theirs: (e) => (strOf(e.title) === null ? undefined : cleanTitle(strOf(e.title))) },
  link: {
    ours: (i) => i.url,
    theirs: (e, base) => (typeof e.link === 'string' ? canonicalUrl(e.link.trim(), base) : undefined),
  },
  guid: { ours: (i) => i.guid, theirs: (e) => strOf(e.guid)?.trim() ?? strOf(e.id)?.trim() ?? undefined },
  date: {
    ours: (i) => i.publishedAt,
    theirs: (e) => {
      const raw = strOf(e.pubDate) ?? strOf(e.published) ?? strOf(e.updated) ?? strOf(e.isoDate);
      return raw ? toIsoUtc(raw, { now: NOW }) : undefined;
    },
  },
  author: {
    ours: (i) => i.author,
    theirs: (e) => {
      const a = strOf(e.creator) ?? strOf(e.author);
      return a ? authorName(a) || null : undefined;
    },
  },
  text: {
    ours: (i) => i.text,
    theirs: (e) => {
      const body = strOf(e['content:encoded']) ?? strOf(e.content) ?? strOf(e.summary);
      return body === null ? undefined : htmlToText(body);
    },
  },
};

/**
 * Ours against an rss-parser golden value. Two goldens were written by reading ISO-8859-1 bytes as UTF-8 (a U+FFFD
 * per accented letter): there a U+FFFD matches any one non-ASCII character. xml2js-options.json was made with
 * `emptyTag: 'EMPTY'`: there "EMPTY" is an empty value. (A U+FFFD that stood for a no-break space matches the plain space
 * ours collapses it to, or nothing at the edges, which ours trims.)
 */
function goldenMatches(ours: unknown, golden: unknown, file: string): boolean {
  if (ours === golden) return true;
  if (typeof ours !== 'string' || typeof golden !== 'string') return false;
  if (file === 'xml2js-options' && golden === 'EMPTY') return ours === '';
  if ((file === 'encoding' || file === 'uolNoticias') && golden.includes('\ufffd')) {
    const pattern = golden
      .replace(/^\ufffd+|\ufffd+$/g, '') // no-break spaces at the edges, which ours trims
      .split('\ufffd').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:[^\\x00-\\x7f]| )');
    return new RegExp(`^${pattern}$`, 'u').test(ours);
  }
  return false;
}

async function runRssParser(root: string): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const file of walk(join(root, 'test/input'))) {
    const path = relative(root, file);
    const name = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
    const data = readFileSync(file);
    const parsed = await parseBytes(data, path);
    const o: FileOutcome = {
      suite: 'rss-parser',
      path,
      itemBearing: ITEM_TAG.test(data.toString('utf8').replace(/<!--[\s\S]*?-->/g, '')),
      items: parsed.items.length,
      warnings: parsed.warnings,
      parseError: parsed.parseError,
      crash: parsed.crash,
      expectations: [],
      bozo: null,
    };
    const expectedFile = join(root, 'test/output', `${name}.json`);
    if (existsSync(expectedFile)) {
      const feed = (JSON.parse(readFileSync(expectedFile, 'utf8')) as { feed: Json }).feed;
      const items = (feed.items as Json[] | undefined) ?? [];
      const base = typeof feed.link === 'string' ? feed.link : undefined;
      const count = { label: `item count == ${items.length}`, applicable: 1, met: parsed.items.length === items.length ? 1 : 0, failed: [] as string[], notApplicable: [] };
      if (!count.met) count.failed.push(`item count ${parsed.items.length} != ${items.length}`);
      o.expectations.push(count);
      for (const [field, spec] of Object.entries(RSS_PARSER_FIELDS)) {
        const wanted = items.map((e) => spec.theirs(e, base));
        if (wanted.every((w) => w === undefined)) continue;
        const failed: string[] = [];
        wanted.forEach((w, i) => {
          if (w === undefined) return;
          const ours = parsed.items[i] ? spec.ours(parsed.items[i]!) : '(no item)';
          if (!goldenMatches(ours, w, name)) failed.push(`items[${i}].${field}: ours ${JSON.stringify(ours)?.slice(0, 160)} != ${JSON.stringify(w)?.slice(0, 160)}`);
        });
        o.expectations.push({ label: `every item's ${field}`, applicable: 1, met: failed.length ? 0 : 1, failed: failed.slice(0, 3), notApplicable: [] });
      }
    } else if (name === 'unrecognized') {
      // rss-parser's own test: this file must be refused as not a feed.
      const ok = parsed.parseError?.startsWith('not_a_feed') ?? false;
      o.expectations.push({ label: 'refused as not a feed', applicable: 1, met: ok ? 1 : 0, failed: ok ? [] : [`got ${parsed.parseError ?? `${parsed.items.length} items`}`], notApplicable: [] });
    }
    out.push(o);
  }
  return out;
}

/** Runs every file of both suites. */
export async function runFeedSuites(dir: string): Promise<SuiteReport> {
  return { dir, files: [...(await runFeedparser(join(dir, 'feedparser'))), ...(await runRssParser(join(dir, 'rss-parser')))] };
}

export interface SuiteFigures {
  files: number;
  crashes: FileOutcome[];
  itemBearing: number;
  itemBearingWithItems: number;
  itemless: FileOutcome[];
  applicable: number;
  met: number;
  notApplicable: number;
  unmet: { file: FileOutcome; label: string; failed: string[] }[];
  bozoChecked: number;
  bozoAgrees: number;
  bozoDisagrees: FileOutcome[];
}

/** The headline figures of a run. */
export function figures(report: SuiteReport): SuiteFigures {
  const f = report.files;
  const bearing = f.filter((x) => x.itemBearing);
  const exps = f.flatMap((file) => file.expectations.map((e) => ({ file, ...e })));
  return {
    files: f.length,
    crashes: f.filter((x) => x.crash),
    itemBearing: bearing.length,
    itemBearingWithItems: bearing.filter((x) => x.items > 0).length,
    itemless: bearing.filter((x) => x.items === 0),
    applicable: exps.filter((e) => e.applicable > 0).length,
    met: exps.filter((e) => e.applicable > 0 && e.met === e.applicable).length,
    notApplicable: exps.filter((e) => e.applicable === 0).length,
    unmet: exps.filter((e) => e.applicable > 0 && e.met < e.applicable).map((e) => ({ file: e.file, label: e.label, failed: e.failed })),
    bozoChecked: f.filter((x) => x.bozo).length,
    bozoAgrees: f.filter((x) => x.bozo?.agrees).length,
    bozoDisagrees: f.filter((x) => x.bozo && !x.bozo.agrees),
  };
}
