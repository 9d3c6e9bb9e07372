// The live-mode fetcher over real HTTP on 127.0.0.1: SSRF refusals, redirects, caps, conditional GET.
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeHttpFetcher } from '../../shared/http/safe-http.fetcher.js';
import { FetchError } from '../../shared/ports/fetcher.js';
import { classifyAddress } from '../../shared/http/address-policy.js';
import { fakeResolver, loopbackOnlyConnector } from '../support/loopback-net.js';
import { crawlWorkspace } from '../../shared/ingest/crawl-workspace.js';
import { FolderObjectStore } from '../../shared/objects/folder.objects.js';
import { Workspace } from '../../shared/model/workspace.js';
import { openTestStore } from '../support/embedded-store.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/feed':
        if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
        return res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end('<rss/>');
      case '/to-metadata':
        return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      case '/to-metadata-name':
        return res.writeHead(301, { location: 'http://metadata.internal.test/latest/' }).end();
      case '/to-public-name':
        return res.writeHead(302, { location: `http://news.public.test:${port}/feed` }).end();
      case '/good-feed':
        return res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end('<rss version="2.0"><channel><title>T</title><item><title>Lionsgate dates a sequel</title><link>https://trade.example/a</link></item></channel></rss>');
      case '/redirect':
        return res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      case '/loop':
        return res.writeHead(302, { location: '/loop' }).end();
      case '/big':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write(Buffer.alloc(600 * 1024, 97));
        return res.end();
      case '/gzip':
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(2 * 1024 * 1024, 98)));
      case '/slow':
        res.writeHead(200);
        res.write('partial');
        return; // never ends
      case '/busy':
        return res.writeHead(429, { 'retry-after': '120' }).end();
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function fetcherFor(allowHosts: string[], resolverTable: Record<string, string[]> = {}, extra: Partial<ConstructorParameters<typeof SafeHttpFetcher>[0]> = {}) {
  const net = loopbackOnlyConnector();
  const fetcher = new SafeHttpFetcher({
    policy: { allowHosts: new Set(allowHosts) },
    resolver: fakeResolver(resolverTable),
    connector: net.connect,
    maxBytes: 512 * 1024,
    timeoutMs: 1500,
    ...extra,
  });
  return { fetcher, net };
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('address policy', () => {
  it.each([
    ['127.0.0.1', false], ['10.1.2.3', false], ['172.16.0.9', false], ['192.168.1.1', false],
    ['169.254.169.254', false], ['100.64.0.1', false], ['0.0.0.0', false], ['::1', false],
    ['fd00:ec2::254', false], ['fe80::1', false], ['::ffff:169.254.169.254', false], ['::ffff:127.0.0.1', false],
    ['93.184.216.34', true], ['2606:4700::6810:84e5', true],
  ])('%s allowed=%s', (addr, allowed) => {
    expect(classifyAddress(addr).allowed).toBe(allowed);
  });
});

describe('SafeHttpFetcher refusals (SSRF)', () => {
  it('refuses a loopback literal that the workspace did not allow, before dialling', async () => {
    const { fetcher, net } = fetcherFor([]);
    const err = await failure(fetcher.fetch({ url: `http://127.0.0.1:${port}/feed` }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(net.attempts).toEqual([]);
  });

  it('refuses a redirect to the instance metadata endpoint 169.254.169.254', async () => {
    const { fetcher, net } = fetcherFor(['127.0.0.1']);
    const err = await failure(fetcher.fetch({ url: `http://127.0.0.1:${port}/to-metadata` }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toMatch(/169\.254\.169\.254 is a linkLocal address/);
    expect(net.refused).toEqual([]);
    expect(net.attempts).toEqual([`127.0.0.1:${port}`]);
  });

  it('refuses a redirect to a name that resolves to a metadata address (checked after DNS)', async () => {
    const { fetcher, net } = fetcherFor(['127.0.0.1'], { 'metadata.internal.test': ['fd00:ec2::254'] });
    const err = await failure(fetcher.fetch({ url: `http://127.0.0.1:${port}/to-metadata-name` }));
    expect(err.message).toMatch(/metadata\.internal\.test resolves to fd00:ec2::254 is a uniqueLocal address/);
    expect(net.refused).toEqual([]);
  });

  it('refuses a name when any of its addresses is private (no DNS-rebinding pick)', async () => {
    const { fetcher, net } = fetcherFor([], { 'mixed.test': ['93.184.216.34', '10.0.0.5'] });
    const err = await failure(fetcher.fetch({ url: 'http://mixed.test/feed' }));
    expect(err.code).toBe('blocked_address');
    expect(net.attempts).toEqual([]);
  });

  it('connects to the vetted address itself, keeping the Host header', async () => {
    // "news.public.test" resolves to loopback only because this test allows it by name.
    const { fetcher, net } = fetcherFor(['127.0.0.1', 'news.public.test'], { 'news.public.test': ['127.0.0.1'] });
    const res = await fetcher.fetch({ url: `http://127.0.0.1:${port}/to-public-name` });
    expect(res.status).toBe(200);
    expect(res.url).toBe(`http://news.public.test:${port}/feed`);
    expect(net.attempts).toEqual([`127.0.0.1:${port}`, `127.0.0.1:${port}`]);
  });

  it('refuses non-http schemes and credentials in URLs', async () => {
    const { fetcher } = fetcherFor([]);
    expect((await failure(fetcher.fetch({ url: 'file:///etc/passwd' }))).code).toBe('unsupported_scheme');
    expect((await failure(fetcher.fetch({ url: 'http://u:p@example.test/' }))).code).toBe('bad_url');
    expect((await failure(fetcher.fetch({ url: 'not a url' }))).code).toBe('bad_url');
  });
});

describe('SafeHttpFetcher protocol', () => {
  it('does a conditional GET: 200 with validators, then 304', async () => {
    const { fetcher } = fetcherFor(['127.0.0.1']);
    const first = await fetcher.fetch({ url: `http://127.0.0.1:${port}/feed` });
    expect(first.notModified).toBe(false);
    expect(Buffer.from(first.body).toString()).toBe('<rss/>');
    const second = await fetcher.fetch({ url: `http://127.0.0.1:${port}/feed`, etag: first.headers.etag });
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
  });

  it('caps redirects', async () => {
    const { fetcher } = fetcherFor(['127.0.0.1'], {}, { maxRedirects: 3 });
    const err = await failure(fetcher.fetch({ url: `http://127.0.0.1:${port}/loop` }));
    expect(err.code).toBe('too_many_redirects');
  });

  it('caps the body, also after decompression (gzip bomb)', async () => {
    const { fetcher } = fetcherFor(['127.0.0.1']);
    expect((await failure(fetcher.fetch({ url: `http://127.0.0.1:${port}/big` }))).code).toBe('too_large');
    const bomb = await failure(fetcher.fetch({ url: `http://127.0.0.1:${port}/gzip` }));
    expect(bomb.code).toBe('too_large');
    expect(bomb.message).toMatch(/512 KB limit/);
  });

  it('times out a response that never ends', async () => {
    const { fetcher } = fetcherFor(['127.0.0.1'], {}, { timeoutMs: 300 });
    const err = await failure(fetcher.fetch({ url: `http://127.0.0.1:${port}/slow` }));
    expect(err.code).toBe('timeout');
  });

  it('reports HTTP errors with status and Retry-After', async () => {
    const { fetcher } = fetcherFor(['127.0.0.1']);
    const err = await failure(fetcher.fetch({ url: `http://127.0.0.1:${port}/busy` }));
    expect(err.code).toBe('http_status');
    expect(err.details).toEqual({ status: 429, retryAfterSeconds: 120 });
    const nf = await failure(fetcher.fetch({ url: `http://127.0.0.1:${port}/missing` }));
    expect(nf.message).toBe(`HTTP 404 Not Found from 127.0.0.1:${port}`);
  });

  it('says in plain words when a host is unknown or refuses connections', async () => {
    const { fetcher } = fetcherFor(['127.0.0.1'], {});
    expect((await failure(fetcher.fetch({ url: 'http://nowhere.test/' }))).message).toBe('could not resolve host nowhere.test');
    const closed = await failure(fetcher.fetch({ url: 'http://127.0.0.1:1/' }));
    expect(closed.code).toBe('connect');
  });
});

/** IPv6 literals that carry a non-public IPv4 address (the URL parser writes [::127.0.0.1] as [::7f00:1]). */
const EMBEDDED_V4_HOSTS: Array<[string, string]> = [
  ['::a9fe:a9fe', 'IPv4-compatible IPv6 address embedding 169.254.169.254 (linkLocal)'],
  ['::127.0.0.1', 'IPv4-compatible IPv6 address embedding 127.0.0.1 (loopback)'],
  ['::ffff:127.0.0.1', 'IPv4-mapped IPv6 address embedding 127.0.0.1 (loopback)'],
  ['64:ff9b::a9fe:a9fe', 'NAT64 IPv6 address embedding 169.254.169.254 (linkLocal)'],
  ['64:ff9b:1::a00:1', 'NAT64 IPv6 address embedding'],
  ['2002:a9fe:a9fe::1', '6to4 IPv6 address embedding 169.254.169.254 (linkLocal)'],
  ['2001:0:4136:e378:8000:63bf:5601:5601', 'Teredo IPv6 address embedding 169.254.169.254 (linkLocal)'],
  ['2600:1f18:0:1:0:5efe:a9fe:a9fe', 'ISATAP IPv6 address embedding 169.254.169.254 (linkLocal)'],
];

describe('SafeHttpFetcher refuses IPv6 forms that embed a non-public IPv4 address', () => {
  it.each(EMBEDDED_V4_HOSTS)('refuses the literal host [%s] before dialling', async (host, words) => {
    const { fetcher, net } = fetcherFor([]);
    const err = await failure(fetcher.fetch({ url: `http://[${host}]:${port}/feed` }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain(words);
    expect(net.attempts).toEqual([]);
  });

  it.each(EMBEDDED_V4_HOSTS)('refuses a hostname that resolves to %s', async (host, words) => {
    const { fetcher, net } = fetcherFor([], { 'innocent.example.test': ['93.184.216.34', host] });
    const err = await failure(fetcher.fetch({ url: 'http://innocent.example.test/feed' }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain(`innocent.example.test resolves to`);
    expect(err.message).toContain(words);
    expect(net.attempts).toEqual([]);
  });

  it.each(EMBEDDED_V4_HOSTS)('refuses a redirect to [%s] and to a name resolving to it', async (host, words) => {
    const { fetcher, net } = fetcherFor(['127.0.0.1'], { 'rebound.example.test': [host] });
    const literal = await failure(
      fetcher.fetch({ url: `http://127.0.0.1:${port}/redirect?to=${encodeURIComponent(`http://[${host}]:${port}/latest/meta-data/`)}` }),
    );
    expect(literal.code).toBe('blocked_address');
    expect(literal.message).toContain(words);
    const named = await failure(
      fetcher.fetch({ url: `http://127.0.0.1:${port}/redirect?to=${encodeURIComponent(`http://rebound.example.test:${port}/`)}` }),
    );
    expect(named.code).toBe('blocked_address');
    expect(named.message).toContain(words);
    // Only the allowed first hop was ever dialled.
    expect(net.attempts).toEqual([`127.0.0.1:${port}`, `127.0.0.1:${port}`]);
  });

  it('still fetches through NAT64 and mapped forms of a public address (DNS64 networks)', async () => {
    const { fetcher, net } = fetcherFor([], { 'dns64.example.test': ['64:ff9b::5db8:d822'] });
    // The loopback-only connector refuses the public address: reaching the dial proves the guard let it pass.
    const err = await failure(fetcher.fetch({ url: 'http://dns64.example.test/feed' }));
    expect(err.code).toBe('connect');
    expect(net.attempts).toEqual(['64:ff9b::5db8:d822:80']);
  });

  it('a crawl records each such source as blocked_address and still crawls the allowed one', async () => {
    const db = await openTestStore();
    const dir = await mkdtemp(join(tmpdir(), 'marquee-ssrf-'));
    try {
      const workspace = Workspace.parse({
        name: 'SSRF',
        network: { allowHosts: ['127.0.0.1'] },
        sources: [
          { id: 'literal', kind: 'rss', url: `http://[::a9fe:a9fe]:${port}/feed` },
          { id: 'compat-loopback', kind: 'rss', url: `http://[::127.0.0.1]:${port}/feed` },
          { id: 'named', kind: 'rss', url: `http://metadata.example.test:${port}/feed` },
          { id: 'redirected', kind: 'rss', url: `http://127.0.0.1:${port}/redirect?to=${encodeURIComponent(`http://[64:ff9b::a9fe:a9fe]:${port}/`)}` },
          { id: 'healthy', kind: 'rss', url: `http://127.0.0.1:${port}/good-feed` },
        ],
      });
      const net = loopbackOnlyConnector();
      const fetcher = new SafeHttpFetcher({
        policy: { allowHosts: new Set(workspace.network.allowHosts) },
        resolver: fakeResolver({ 'metadata.example.test': ['::ffff:a9fe:a9fe'] }),
        connector: net.connect,
        timeoutMs: 1500,
      });
      const clock = { now: () => new Date('2026-11-26T20:00:00Z') };
      const report = await crawlWorkspace(workspace, { fetcher, store: db.store, objects: new FolderObjectStore(dir), clock });
      const by = Object.fromEntries(report.sources.map((r) => [r.id, r]));
      for (const id of ['literal', 'compat-loopback', 'named', 'redirected']) {
        expect(by[id], id).toMatchObject({ status: 'error', errorCode: 'blocked_address' });
      }
      expect(by['healthy'], JSON.stringify(by['healthy'])).toMatchObject({ status: 'ok', newItems: 1 });
      expect(net.refused).toEqual([]);
      expect((await db.store.getSourceState('literal'))!.lastErrorCode).toBe('blocked_address');
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
