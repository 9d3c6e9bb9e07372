#!/usr/bin/env node
// Writes the demo's audience-interest recordings from interest-data.mjs:
//   site/youtube/feeds/videos.xml@channel_id=<id>.seq/NN.http   one recorded channel feed per live snapshot
//   site/wikimedia/api/rest_v1/metrics/pageviews/per-article/en.wikipedia/all-access/user/<article>/daily.seq/NN.http
//   interest/archive.jsonl   the snapshots a deployment crawling every 6 hours since mid-August would have kept
// A `.seq` folder is served by the demo server as successive snapshots (shared/local/static-site.server.ts): the
// first request gets 00, a request whose If-None-Match names snapshot k gets k+1, the last answers 304.
// Usage: node config/demo/tools/gen-interest.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHIVE_FROM, CHANNELS, LIVE_SNAPSHOTS, PAGEVIEW_DAYS, TITLES } from './interest-data.mjs';

const demo = join(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(demo, 'site');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const b64 = (s, n) => createHash('sha256').update(s).digest('base64url').slice(0, n);
export const channelId = (id) => `UC${b64(`channel:${id}`, 22)}`;
const videoId = (title) => b64(`video:${title}`, 11);
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const h01 = (s) => parseInt(createHash('sha256').update(s).digest('hex').slice(0, 8), 16) / 0xffffffff;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', '+00:00');
const httpDate = (ms) => new Date(ms).toUTCString();

/** Views after `hours` since publication: a quick first day, then a slowing climb (x^0.42 in days). */
export function viewsAt(v24, hours) {
  if (hours <= 0) return 0;
  const d = hours / 24;
  return Math.round(v24 * (d <= 1 ? d ** 0.75 : d ** 0.42));
}

const videos = TITLES.flatMap((t) =>
  t.videos.map(([channel, title, at, v24, likeRate]) => ({ id: videoId(title), channel, title, at: Date.parse(at), v24, likeRate, film: t })),
);

function description(v) {
  const f = v.film;
  if (!f.title) return `Subscribe to ${CHANNELS.find((c) => c.id === v.channel).name} for the latest trailers, clips and more.`;
  const when = f.release ? new Date(`${f.release}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }) : 'soon';
  return `${f.title} – in theaters ${when}.\n\nSubscribe for more: https://www.youtube.example/@${v.channel.replace(/^yt-/, '')}`;
}

function entry(v, atMs) {
  const views = viewsAt(v.v24, (atMs - v.at) / HOUR);
  const likes = Math.round(views * v.likeRate);
  const ch = CHANNELS.find((c) => c.id === v.channel);
  const cid = channelId(ch.id);
  return ` <entry>
  <id>yt:video:${v.id}</id>
  <yt:videoId>${v.id}</yt:videoId>
  <yt:channelId>${cid}</yt:channelId>
  <title>${esc(v.title)}</title>
  <link rel="alternate" href="https://www.youtube.example/watch?v=${v.id}"/>
  <author>
   <name>${esc(ch.name)}</name>
   <uri>https://www.youtube.example/channel/${cid}</uri>
  </author>
  <published>${iso(v.at)}</published>
  <updated>${iso(atMs - 37 * 60_000)}</updated>
  <media:group>
   <media:title>${esc(v.title)}</media:title>
   <media:content url="https://www.youtube.example/v/${v.id}?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="https://i1.ytimg.example/vi/${v.id}/hqdefault.jpg" width="480" height="360"/>
   <media:description>${esc(description(v))}</media:description>
   <media:community>
    <media:starRating count="${likes}" average="5.00" min="1" max="5"/>
    <media:statistics views="${views}"/>
   </media:community>
  </media:group>
 </entry>
`;
}

function channelFeed(ch, atMs) {
  const cid = channelId(ch.id);
  // A channel feed lists the 15 latest uploads.
  const list = videos.filter((v) => v.channel === ch.id && v.at <= atMs).sort((a, b) => b.at - a.at).slice(0, 15);
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="http://www.youtube.example/feeds/videos.xml?channel_id=${cid}"/>
 <id>yt:channel:${cid}</id>
 <yt:channelId>${cid}</yt:channelId>
 <title>${esc(ch.name)}</title>
 <link rel="alternate" href="https://www.youtube.example/channel/${cid}"/>
 <author>
  <name>${esc(ch.name)}</name>
  <uri>https://www.youtube.example/channel/${cid}</uri>
 </author>
 <published>2009-04-14T18:02:11+00:00</published>
${list.map((v) => entry(v, atMs)).join('')}</feed>
`;
}

/** A recorded response as `curl -i` saves it: status line, headers, blank line, body. */
function recorded(atMs, contentType, body, status = '200 OK') {
  return `HTTP/1.1 ${status}\r\ndate: ${httpDate(atMs)}\r\ncontent-type: ${contentType}\r\n\r\n${body}`;
}

/** Page views on one day: a slow build toward release, spikes on video days, the opening peak, then decay. */
export function pageviewsOn(film, dayMs) {
  const release = Date.parse(`${film.release}T00:00:00Z`);
  const t = (release - dayMs) / DAY; // days before release (negative after)
  const L = film.pv;
  let v;
  if (t >= 0) v = Math.max(L * 0.05, L * Math.exp(-(t - 10) / 14));
  else v = L * Math.max(0.25, 4.2 * 0.86 ** -t);
  for (const vid of videos.filter((x) => x.film === film)) {
    const since = Math.floor((dayMs - Date.UTC(new Date(vid.at).getUTCFullYear(), new Date(vid.at).getUTCMonth(), new Date(vid.at).getUTCDate())) / DAY);
    if (since >= 0 && since < 4) v += L * 0.9 * (vid.v24 / Math.max(...film.videos.map((x) => x[3]))) * 0.45 ** since;
  }
  const dow = new Date(dayMs).getUTCDay();
  v *= dow === 0 || dow === 6 ? 1.08 : 0.97;
  v *= 0.94 + 0.12 * h01(`${film.title}:${dayMs}`);
  return Math.round(v);
}

function pageviewsJson(film, throughMs) {
  const items = [];
  for (let d = throughMs - (PAGEVIEW_DAYS - 1) * DAY; d <= throughMs; d += DAY) {
    const ts = new Date(d).toISOString().slice(0, 10).replace(/-/g, '');
    items.push(`{"project":"en.wikipedia","article":${JSON.stringify(film.article)},"granularity":"daily","timestamp":"${ts}00","access":"all-access","agent":"user","views":${pageviewsOn(film, d)}}`);
  }
  return `{"items":[${items.join(',')}]}`;
}

// ---- live snapshots (served in sequence by the demo server) ----
rmSync(join(site, 'youtube'), { recursive: true, force: true });
rmSync(join(site, 'wikimedia'), { recursive: true, force: true });
for (const ch of CHANNELS) {
  const dir = join(site, 'youtube', 'feeds', `videos.xml@channel_id=${channelId(ch.id)}.seq`);
  mkdirSync(dir, { recursive: true });
  LIVE_SNAPSHOTS.forEach((at, i) => writeFileSync(join(dir, `${String(i).padStart(2, '0')}.http`), recorded(Date.parse(at), 'text/xml; charset=UTF-8', channelFeed(ch, Date.parse(at)))));
}
for (const film of TITLES.filter((t) => t.article)) {
  const dir = join(site, 'wikimedia', 'api', 'rest_v1', 'metrics', 'pageviews', 'per-article', 'en.wikipedia', 'all-access', 'user', film.article, 'daily.seq');
  mkdirSync(dir, { recursive: true });
  LIVE_SNAPSHOTS.forEach((at, i) => {
    const day = Date.parse(at.slice(0, 10) + 'T00:00:00Z') - DAY; // complete days only: through yesterday
    writeFileSync(join(dir, `${String(i).padStart(2, '0')}.http`), recorded(Date.parse(at), 'application/json; charset=utf-8', pageviewsJson(film, day)));
  });
}

// ---- the archive: 6-hourly snapshots before the clock, thinned as the store keeps them ----
// Around each milestone (24 h, 72 h, 7 days) every 6-hour snapshot; after that one a week.
const near = (h) => h <= 36 || (h >= 60 && h <= 84) || (h >= 156 && h <= 180);
const lines = [];
const start = Date.parse(ARCHIVE_FROM);
const end = Date.parse(LIVE_SNAPSHOTS[0]);
for (let t = start; t < end; t += 6 * HOUR) {
  for (const ch of CHANNELS) {
    const seen = videos.filter((v) => {
      if (v.channel !== ch.id || v.at > t) return false;
      const h = (t - v.at) / HOUR;
      return near(h) || (h > 180 && new Date(t).getUTCHours() === 18 && Math.floor((t - v.at) / DAY) % 7 === 0);
    });
    if (!seen.length) continue;
    lines.push(
      JSON.stringify({
        sourceId: ch.id,
        studio: ch.studio,
        observedAt: new Date(t).toISOString(),
        channel: { channelId: channelId(ch.id), title: ch.name, url: `https://www.youtube.example/channel/${channelId(ch.id)}` },
        videos: seen.map((v) => {
          const views = viewsAt(v.v24, (t - v.at) / HOUR);
          return { videoId: v.id, channelId: channelId(ch.id), title: v.title, description: description(v), url: `https://www.youtube.example/watch?v=${v.id}`, publishedAt: new Date(v.at).toISOString(), updatedAt: new Date(t).toISOString(), views, likes: Math.round(views * v.likeRate) };
        }),
      }),
    );
  }
}
mkdirSync(join(demo, 'interest'), { recursive: true });
writeFileSync(join(demo, 'interest', 'archive.jsonl'), lines.join('\n') + '\n');
console.log(`${CHANNELS.length} channels × ${LIVE_SNAPSHOTS.length} snapshots, ${TITLES.filter((t) => t.article).length} articles × ${LIVE_SNAPSHOTS.length} snapshots, archive ${lines.length} snapshots / ${lines.reduce((n, l) => n + JSON.parse(l).videos.length, 0)} counts`);
