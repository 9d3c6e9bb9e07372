// `marquee parse <file-or-url>`: parse one feed, list page or chart and print the normalized result.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { parseDocument } from '../../../shared/ingest/parse/parse-document.js';
import { ParseError, type HtmlSelectors, type SourceKind } from '../../../shared/ingest/parse/parse.types.js';
import { detectInterestKind, parseInterestDocument } from '../../../shared/ingest/parse/parse-interest.js';
import { HtmlSelectors as HtmlSelectorsSchema } from '../../../shared/model/workspace.js';
import { SafeHttpFetcher } from '../../../shared/http/safe-http.fetcher.js';
import { FetchError } from '../../../shared/ports/fetcher.js';
import { CliError, printJson, type Io } from '../output.js';

export interface ParseOptions {
  kind?: string;
  json?: boolean;
  selectors?: string;
  baseUrl?: string;
  allowHost?: string[];
}

const KINDS = ['rss', 'html', 'boxoffice', 'youtube', 'pageviews'];

async function readInput(target: string, opts: ParseOptions) {
  if (/^https?:\/\//i.test(target)) {
    const fetcher = new SafeHttpFetcher({ policy: { allowHosts: new Set((opts.allowHost ?? []).map((h) => h.toLowerCase())) } });
    try {
      const res = await fetcher.fetch({ url: target });
      return { bytes: res.body, baseUrl: res.url, contentType: res.headers['content-type'] };
    } catch (err) {
      if (err instanceof FetchError) throw new CliError(`${target}: ${err.message}`, err.code);
      throw err;
    }
  }
  try {
    const bytes = await readFile(target);
    return { bytes: new Uint8Array(bytes), baseUrl: opts.baseUrl ?? pathToFileURL(resolve(target)).toString(), contentType: undefined };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${target}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`}`, 'not_found');
  }
}

function parseSelectors(text: string | undefined): HtmlSelectors | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CliError(`--selectors must be JSON, e.g. '{"item":"article","title":"h2"}'`);
  }
  const r = HtmlSelectorsSchema.safeParse(raw);
  if (!r.success) throw new CliError(`--selectors: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

/** A YouTube channel feed's videos with their counts, or an article's daily page views. */
function printInterest(target: string, kind: 'youtube' | 'pageviews', input: { bytes: Uint8Array; baseUrl?: string; contentType?: string }, opts: ParseOptions, io: Io): number {
  let r;
  try {
    r = parseInterestDocument(input.bytes, { name: target, kind, baseUrl: input.baseUrl, contentType: input.contentType });
  } catch (err) {
    if (err instanceof ParseError) throw new CliError(`${target}: ${err.message}`, err.code);
    throw err;
  }
  if (opts.json) printJson(io, r);
  else if (r.kind === 'youtube') {
    io.out(`youtube channel ${r.channel.title || '(untitled)'}${r.servedAt ? ` (counts as of ${r.servedAt})` : ''}: ${r.videos.length} videos`);
    for (const v of r.videos) io.out(`- ${v.publishedAt ?? 'undated'}  ${String(v.views ?? '-').padStart(11)} views  ${String(v.likes ?? '-').padStart(9)} likes  ${v.title}`);
  } else {
    io.out(`page views ${r.series ? `${r.series.project} ${r.series.article}` : ''}: ${r.points.length} days`);
    for (const p of r.points) io.out(`- ${p.date}  ${p.views}`);
  }
  for (const w of r.warnings) io.err(`warning: ${w}`);
  return 0;
}

/** Runs the parse command; returns the exit code. */
export async function parseCommand(target: string, opts: ParseOptions, io: Io): Promise<number> {
  if (opts.kind && !KINDS.includes(opts.kind)) throw new CliError(`--kind must be one of ${KINDS.join(', ')}, not "${opts.kind}"`);
  const selectors = parseSelectors(opts.selectors);
  const input = await readInput(target, opts);
  const interestKind = opts.kind === 'youtube' || opts.kind === 'pageviews' ? opts.kind : !opts.kind ? detectInterestKind(new TextDecoder().decode(input.bytes.subarray(0, 1 << 16)).replace(/^HTTP\/[\s\S]*?\r?\n\r?\n/, '')) : null;
  if (interestKind) return printInterest(target, interestKind, input, opts, io);
  let result;
  try {
    result = await parseDocument(input.bytes, {
      name: target,
      kind: opts.kind as SourceKind | undefined,
      baseUrl: input.baseUrl,
      contentType: input.contentType,
      selectors,
    });
  } catch (err) {
    if (err instanceof ParseError) throw new CliError(`${target}: ${err.message}`, err.code);
    throw err;
  }
  if (result.kind === 'boxoffice') {
    const out = { kind: result.kind, chart: result.chart, entries: result.entries, warnings: result.warnings };
    if (opts.json) printJson(io, out);
    else {
      const p = result.chart.period;
      io.out(`${result.chart.site} ${p.type} chart ${p.start ?? '?'}..${p.end ?? '?'}: ${result.entries.length} entries`);
      for (const e of result.entries.slice(0, 20)) {
        io.out(`${String(e.rank ?? '-').padStart(3)}  ${e.title.padEnd(40).slice(0, 40)}  ${(e.gross ?? 0).toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).padStart(14)}  ${e.distributor ?? ''}`);
      }
      for (const w of result.warnings) io.err(`warning: ${w}`);
    }
    return 0;
  }
  const items = result.items.map((i) => ({
    url: i.url,
    title: i.title,
    publishedAt: i.publishedAt,
    author: i.author,
    text: i.text,
    categories: i.categories,
    hash: i.hash,
    guid: i.guid,
  }));
  if (opts.json) printJson(io, { kind: result.kind, items, warnings: result.warnings });
  else {
    io.out(`${result.kind}: ${items.length} items`);
    for (const i of items) io.out(`- ${i.publishedAt ?? 'undated'}  ${i.title || '(no title)'}  ${i.url ?? ''}`);
    for (const w of result.warnings) io.err(`warning: ${w}`);
  }
  return 0;
}
