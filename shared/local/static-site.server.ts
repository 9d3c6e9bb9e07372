// Serves a folder over HTTP on 127.0.0.1 with ETag/Last-Modified and 304s (the demo sources, test feeds), and
// recorded responses in sequence: a `<path>.seq/` folder of `curl -i` files answers for `<path>` and everything below it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { splitHttpResponse } from '../ingest/parse/http-response.js';
import { createHash } from 'node:crypto';

const TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The sequence folder that answers a request: `<file>@<query>.seq` (the query's `?` written as `@`), else
 * `<file>.seq`, else the same for each parent folder up to the root. Null when there is none.
 */
async function findSequence(root: string, file: string, search: string): Promise<string | null> {
  const candidates = [...(search ? [`${file}@${decodeURIComponent(search.slice(1))}.seq`] : []), `${file}.seq`];
  const base = normalize(root + sep);
  for (let dir = dirname(file); `${dir}${sep}`.startsWith(base) && `${dir}${sep}` !== base; dir = dirname(dir)) candidates.push(`${dir}.seq`);
  for (const c of candidates) if ((await stat(c).catch(() => null))?.isDirectory()) return c;
  return null;
}

/**
 * Recorded responses in order: no validator (or one it does not know) gets the first; an If-None-Match naming
 * snapshot k gets k + 1, and the last one answers 304. Each file's status line and headers (Date, Content-Type) are
 * replayed; its ETag is the hash of the file, so a client that keeps validators walks the sequence one step a request.
 */
async function serveSequence(dir: string, req: http.IncomingMessage, res: http.ServerResponse, send: (res: http.ServerResponse, status: number, headers?: Record<string, string>, body?: Buffer) => void) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.http')).sort();
  const snapshots = await Promise.all(files.map(async (f) => readFile(join(dir, f))));
  const etags = snapshots.map((b) => `"${createHash('sha1').update(b).digest('hex').slice(0, 16)}"`);
  const given = (req.headers['if-none-match'] ?? '').split(/\s*,\s*/);
  const known = etags.findIndex((e) => given.includes(e));
  if (known >= 0 && known === snapshots.length - 1) return send(res, 304, { etag: etags[known]! });
  const index = known + 1;
  const recorded = splitHttpResponse(new Uint8Array(snapshots[index]!));
  const headers: Record<string, string> = { etag: etags[index]!, 'cache-control': 'no-cache' };
  for (const name of ['date', 'content-type']) if (recorded.headers?.[name]) headers[name] = recorded.headers[name]!;
  send(res, recorded.status ?? 200, headers, Buffer.from(recorded.body));
}

export interface StaticSiteServer {
  baseUrl: string;
  /** Requests served, by status code: lets a demo or test show the conditional-GET path. */
  stats: { requests: number; byStatus: Record<number, number> };
  close(): Promise<void>;
}

/** Starts a static server for `root` on 127.0.0.1 (port 0 = any free port). */
export async function startStaticSite(root: string, port = 0): Promise<StaticSiteServer> {
  const stats = { requests: 0, byStatus: {} as Record<number, number> };
  const send = (res: http.ServerResponse, status: number, headers: Record<string, string> = {}, body?: Buffer) => {
    stats.requests++;
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    res.writeHead(status, headers);
    res.end(body);
  };
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname);
      const file = normalize(join(root, path));
      if (!file.startsWith(normalize(root + sep)) || req.method !== 'GET') return send(res, 404);
      const sequence = await findSequence(root, file, url.search);
      if (sequence) return serveSequence(sequence, req, res, send);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return send(res, 404, { 'content-type': 'text/plain' }, Buffer.from('not found'));
      const body = await readFile(file);
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
      const headers = {
        etag,
        'last-modified': lastModified,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if (inm ? inm.split(/\s*,\s*/).includes(etag) : ims && Date.parse(ims) >= Date.parse(lastModified)) {
        return send(res, 304, { etag, 'last-modified': lastModified });
      }
      send(res, 200, headers, body);
    } catch {
      send(res, 500);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
