// HTTP(S) fetcher with SSRF guard, conditional GET, timeouts and caps on bodies and redirects.
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns/promises';
import zlib from 'node:zlib';
import { FetchError, type FetchRequest, type FetchResponse, type Fetcher } from '../ports/fetcher.js';
import { classifyAddress, isHostAllowed, type HostPolicy } from './address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a hostname into addresses; injectable so tests never touch real DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Opens the socket to an already-vetted address; injectable so tests can prove nothing else is dialled. */
export type Connector = (target: { address: string; port: number; tls: boolean; servername?: string }) => net.Socket;

export interface SafeFetcherOptions {
  policy: HostPolicy;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  resolver?: Resolver;
  connector?: Connector;
}

const systemResolver: Resolver = async (hostname) => {
  const out = await dns.lookup(hostname, { all: true, verbatim: true });
  return out.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const systemConnector: Connector = ({ address, port, tls: useTls, servername }) =>
  useTls ? tls.connect({ host: address, port, servername, ALPNProtocols: ['http/1.1'] }) : net.connect({ host: address, port });

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.round(n / 1024)} KB`;
}

function retryAfterSeconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/**
 * The live-mode fetcher. Every hop (first request and each redirect) resolves the host, refuses
 * private, loopback, link-local and metadata addresses unless the host is allowed by name, and
 * connects to the vetted address itself, so a DNS answer cannot change between check and connect.
 */
export class SafeHttpFetcher implements Fetcher {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly userAgent: string;
  private readonly resolver: Resolver;
  private readonly connector: Connector;

  constructor(private readonly options: SafeFetcherOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.userAgent = options.userAgent ?? 'MarqueeBot/0.1 (+market intelligence crawler)';
    this.resolver = options.resolver ?? systemResolver;
    this.connector = options.connector ?? systemConnector;
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const deadline = Date.now() + this.timeoutMs;
    let url = this.parseUrl(request.url);
    for (let redirects = 0; ; redirects++) {
      const res = await this.fetchOnce(url, request, deadline);
      if ([301, 302, 303, 307, 308].includes(res.status) && res.headers.location) {
        if (redirects >= this.maxRedirects) {
          throw new FetchError('too_many_redirects', `more than ${this.maxRedirects} redirects, last to ${res.headers.location}`);
        }
        url = this.parseUrl(new URL(res.headers.location, url).toString());
        continue;
      }
      if (res.status === 304) return { ...res, url: url.toString(), notModified: true, redirects };
      if (res.status >= 200 && res.status < 300) return { ...res, url: url.toString(), notModified: false, redirects };
      throw new FetchError(
        'http_status',
        `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} from ${url.host}`,
        { status: res.status, retryAfterSeconds: retryAfterSeconds(res.headers['retry-after']) },
      );
    }
  }

  private parseUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchError('bad_url', `not a valid URL: "${raw}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError('unsupported_scheme', `only http and https URLs can be crawled, not ${url.protocol.replace(':', '')}`);
    }
    if (url.username || url.password) throw new FetchError('bad_url', 'URLs with credentials are not crawled');
    return url;
  }

  private async vet(url: URL): Promise<ResolvedAddress> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: ResolvedAddress[];
    if (net.isIP(host)) {
      addresses = [{ address: host, family: net.isIPv6(host) ? 6 : 4 }];
    } else {
      try {
        addresses = await this.resolver(host);
      } catch (err) {
        throw new FetchError('dns', `could not resolve host ${host}`, {}, { cause: err });
      }
      if (addresses.length === 0) throw new FetchError('dns', `host ${host} has no addresses`);
    }
    if (!isHostAllowed(this.options.policy, host)) {
      for (const a of addresses) {
        const verdict = classifyAddress(a.address);
        if (!verdict.allowed) {
          throw new FetchError(
            'blocked_address',
            `refused to fetch ${url.origin}: ${host === a.address ? 'address' : `${host} resolves to`} ${a.address} is ${verdict.reason} (only public addresses are crawled)`,
          );
        }
      }
    }
    return addresses[0]!;
  }

  private async fetchOnce(url: URL, request: FetchRequest, deadline: number) {
    const target = await this.vet(url);
    const isTls = url.protocol === 'https:';
    const port = Number(url.port) || (isTls ? 443 : 80);
    const headers: Record<string, string> = {
      host: url.host,
      'user-agent': this.userAgent,
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
      connection: 'close',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new FetchError('timeout', `no complete response within ${this.timeoutMs / 1000} s`);

    return new Promise<{ status: number; statusText: string; headers: Record<string, string>; body: Uint8Array }>(
      (resolve, reject) => {
        let settled = false;
        const fail = (err: FetchError) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          req.destroy();
          reject(err);
        };
        const timer = setTimeout(
          () => fail(new FetchError('timeout', `no complete response from ${url.host} within ${this.timeoutMs / 1000} s`)),
          remaining,
        );
        const req = http.request({
          method: 'GET',
          path: `${url.pathname}${url.search}`,
          headers,
          createConnection: () =>
            this.connector({
              address: target.address,
              port,
              tls: isTls,
              servername: isTls && !net.isIP(url.hostname) ? url.hostname : undefined,
            }),
        });
        req.on('error', (err: NodeJS.ErrnoException) => {
          const code = err.code === 'ECONNREFUSED' || err.code === 'EHOSTUNREACH' || err.code === 'ENETUNREACH' ? 'connect' : 'network';
          const what = code === 'connect' ? `connection refused by ${url.host}` : `network error talking to ${url.host}: ${err.message}`;
          fail(new FetchError(code, what, {}, { cause: err }));
        });
        req.on('response', (res) => {
          const resHeaders: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) resHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
          }
          const status = res.statusCode ?? 0;
          if (status === 304 || (status >= 300 && status < 400)) {
            res.resume();
            settled = true;
            clearTimeout(timer);
            resolve({ status, statusText: res.statusMessage ?? '', headers: resHeaders, body: new Uint8Array() });
            return;
          }
          const declared = Number(resHeaders['content-length']);
          if (Number.isFinite(declared) && declared > this.maxBytes && !resHeaders['content-encoding']) {
            fail(new FetchError('too_large', `response body of ${formatBytes(declared)} is over the ${formatBytes(this.maxBytes)} limit`));
            return;
          }
          const encoding = (resHeaders['content-encoding'] ?? '').toLowerCase();
          let stream: NodeJS.ReadableStream = res;
          if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
          else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
          else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > this.maxBytes) {
              fail(new FetchError('too_large', `response body is over the ${formatBytes(this.maxBytes)} limit`));
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', (err: Error) =>
            fail(new FetchError('network', `could not read the response from ${url.host}: ${err.message}`, {}, { cause: err })),
          );
          stream.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            delete resHeaders['content-encoding'];
            resolve({ status, statusText: res.statusMessage ?? '', headers: resHeaders, body: new Uint8Array(Buffer.concat(chunks)) });
          });
        });
        req.end();
      },
    );
  }
}
