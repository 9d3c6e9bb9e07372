// The demo server's recorded sequences: a `.seq` folder of saved responses is served one step per conditional request.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticSite, type StaticSiteServer } from '../../shared/local/static-site.server.js';

let dir: string;
let site: StaticSiteServer;

const recorded = (date: string, body: string) => `HTTP/1.1 200 OK\r\ndate: ${date}\r\ncontent-type: application/json\r\n\r\n${body}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-seq-'));
  await mkdir(join(dir, 'feeds', 'videos.xml@channel_id=UCa.seq'), { recursive: true });
  await mkdir(join(dir, 'api', 'A_(film)', 'daily.seq'), { recursive: true });
  await writeFile(join(dir, 'feeds', 'videos.xml@channel_id=UCa.seq', '00.http'), recorded('Thu, 26 Nov 2026 20:00:00 GMT', '"a0"'));
  await writeFile(join(dir, 'feeds', 'videos.xml@channel_id=UCa.seq', '01.http'), recorded('Fri, 27 Nov 2026 20:00:00 GMT', '"a1"'));
  await writeFile(join(dir, 'api', 'A_(film)', 'daily.seq', '00.http'), recorded('Thu, 26 Nov 2026 20:00:00 GMT', '"p0"'));
  site = await startStaticSite(dir);
});

afterAll(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('recorded sequences', () => {
  it('serves the first snapshot, then the next one to a client that names the previous, then 304', async () => {
    const url = `${site.baseUrl}feeds/videos.xml?channel_id=UCa`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('"a0"');
    expect(first.headers.get('date')).toBe('Thu, 26 Nov 2026 20:00:00 GMT');
    const second = await fetch(url, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(await second.text()).toBe('"a1"');
    expect(second.headers.get('date')).toBe('Fri, 27 Nov 2026 20:00:00 GMT');
    const third = await fetch(url, { headers: { 'if-none-match': second.headers.get('etag')! } });
    expect(third.status).toBe(304);
    // An unknown validator starts over; another channel id has no recording.
    expect(await (await fetch(url, { headers: { 'if-none-match': '"zzz"' } })).text()).toBe('"a0"');
    expect((await fetch(`${site.baseUrl}feeds/videos.xml?channel_id=UCb`)).status).toBe(404);
  });

  it('answers every path below a sequence folder (page views for any date range)', async () => {
    const r = await fetch(`${site.baseUrl}api/A_(film)/daily/20260927/20261125`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('"p0"');
  });
});
