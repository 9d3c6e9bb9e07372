// Serves a folder over HTTP on 127.0.0.1 with ETag/Last-Modified and 304s (the demo sources, test feeds).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { createHash } from 'node:crypto';

const TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

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
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(root, path));
      if (!file.startsWith(normalize(root + sep)) || req.method !== 'GET') return send(res, 404);
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
