// Renders demo news sites (trade feeds, competitor newsrooms with detail pages) from story lists: the
// library behind gen-news.mjs (the bundled demo) and the scale benchmark (test/bench/scale/), which
// renders many shifted, retitled copies of the demo's stories into more outlets.
import { encodeCp1252 } from './cp1252.mjs';

export const BASE = 'http://127.0.0.1:4810/';
export const CLOCK = Date.parse('2026-11-26T20:00:00Z');
export const EARLIEST = Date.parse('2026-10-05T00:00:00Z');

// ---------------------------------------------------------------- outlets
export const OUTLETS = {
  dw: { id: 'deadline-wire', name: 'Deadline Wire', file: 'feeds/deadline-wire.xml', format: 'rss-wp', domain: 'https://deadlinewire.example',
    description: 'Hollywood Entertainment Breaking News', date: 'rfc-utc', tracking: 'always', campaign: 'deadlinewire', smart: true, entities: true, appearedFirst: true,
    authors: ['Mara Quillen', 'Dominic Reyes-Hart', 'Patrick Honeycutt', 'Nellie Andrade', 'Sam Okonjo'],
    url: (p) => `${p.domain}/${p.y}/${p.mm}/${p.slug}-${p.pid}/`, guid: (p) => `${p.domain}/?p=${p.pid}` },
  hl: { id: 'hollywood-ledger', name: 'The Hollywood Ledger', file: 'feeds/hollywood-ledger.xml', format: 'rss-wp', domain: 'https://www.hollywoodledger.example',
    description: 'Movie news, TV news, awards news, lifestyle news, business news and more from The Hollywood Ledger.', date: 'rfc-pt-abbr', tracking: 'none', smart: false, entities: true, quotEntity: true, dashes: true,
    authors: ['Rebecca Lindqvist', 'Aaron Feld', 'Gabe Morency', 'Tatiana Ruiz'],
    url: (p) => `${p.domain}/movies/movie-news/${p.slug}-${p.pid}/`, guid: (p) => `hl-${p.pid}` },
  vi: { id: 'variety-insider', name: 'Variety Insider', file: 'feeds/variety-insider.xml', format: 'atom', domain: 'https://varietyinsider.example',
    description: 'Entertainment news, film reviews, awards, box office and business.', smart: true,
    authors: ['Celeste Varga', 'Owen Pritchard', 'Lila Moradi', 'Henry Castaneda'],
    url: (p) => `${p.domain}/${p.y}/${p.section}/news/${p.slug}-${p.pid}/` },
  iw: { id: 'indiewire-weekly', name: 'IndieWire Weekly', file: 'feeds/indiewire-weekly.xml', format: 'rss-cp1252', domain: 'https://www.indiewireweekly.example',
    description: 'The voice of independent film – news, reviews and awards coverage.', date: 'rfc-et-num', tracking: 'none', smart: true,
    authors: ['Amélie Roussel', 'Jonas Dünn', 'Zoë Whitaker', 'Rafael Ibáñez'],
    url: (p) => `${p.domain}/${p.y}/${p.mm}/${p.slug}-${p.pid}/`, guid: (p) => `${p.domain}/?p=${p.pid}` },
  sd: { id: 'screen-daily-digest', name: 'Screen Daily Digest', file: 'feeds/screen-daily-digest.xml', format: 'rdf', domain: 'https://www.screendailydigest.example',
    description: 'International film business news, festivals and box office.', smart: false,
    authors: ['Fionnuala Brennan', 'Geoffrey Ashworth', 'Priyanka Mehra', 'Mathilde Køhler'],
    url: (p) => `${p.domain}/news/${p.slug}/${p.pid}.article` },
  ws: { id: 'the-wrap-sheet', name: 'The Wrap Sheet', file: 'feeds/the-wrap-sheet.xml', format: 'rss-plain', domain: 'https://thewrapsheet.example',
    description: 'Hollywood insider news, analysis and box office.', date: 'rfc-gmt', tracking: 'none', smart: false, relativeLinks: true,
    authors: ['Jonah Feldstein', 'Claudia Ortega', 'Marcus Bell'],
    url: (p) => `${p.domain}/${p.slug}/` },
  bp: { id: 'box-office-pulse', name: 'Box Office Pulse', file: 'feeds/box-office-pulse.xml', format: 'atom-html', domain: 'https://boxofficepulse.example',
    description: 'Weekend estimates, actuals, tracking and release-calendar analysis.', smart: true,
    authors: ['Dean Kowalczyk', 'Harriet Sung', 'Box Office Pulse Staff'],
    url: (p) => `${p.domain}/news/${p.y}/${p.mm}/${p.dd}/${p.slug}` },
  cc: { id: 'collider-chronicle', name: 'Collider Chronicle', file: 'feeds/collider-chronicle.xml', format: 'rss-wp', domain: 'https://collider-chronicle.example',
    description: 'Movie and TV news, trailers, reviews and interviews.', date: 'rfc-pt-num', tracking: 'always', campaign: 'collider', smart: true, entities: true, relativeLinks: true,
    authors: ['Tyler Brennan-Cho', 'Maya Lindgren', 'Chris Evangelou', 'Nora Delacroix'],
    url: (p) => `${p.domain}/${p.slug}/`, guid: (p) => `${p.domain}/?p=${p.pid}` },
  pr: { id: 'promo-reel', name: 'Promo Reel Daily', file: 'feeds/promo-reel.xml', format: 'rss-min', domain: 'https://promoreel.example',
    description: 'Entertainment marketing: campaigns, partnerships, media buying and the people behind them.', date: 'rfc-et-abbr', tracking: 'some', smart: true,
    authors: ['Whitney Saldana', 'Greg Ambrose', 'Leah Fontaine'],
    url: (p) => `${p.domain}/marketing/${p.slug}`, guid: (p) => `promoreel-${p.pid}` },
  lg: { id: 'lionsgate-newsroom', name: 'Lionsgate Newsroom', file: 'newsroom/lionsgate.html', format: 'newsroom-lionsgate', domain: BASE.replace(/\/$/, ''), smart: false,
    authors: ['Lionsgate Publicity'], url: (p) => `${BASE}newsroom/lionsgate/${p.y}-${p.mm}-${p.dd}-${p.slug}.html` },
  a24: { id: 'a24-newsroom', name: 'A24 News', file: 'newsroom/a24.html', format: 'newsroom-a24', domain: BASE.replace(/\/$/, ''), smart: false,
    authors: ['A24'], url: (p) => `${BASE}newsroom/a24/${p.slug}.html` },
};

// ---------------------------------------------------------------- helpers
function h32(s) { let h = 2166136261; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); } return h >>> 0; }
const pad = (n, w = 2) => String(n).padStart(w, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'MM-DD HH:MM' Pacific time (2026) -> Date. DST ended Sun Nov 1, 2026 at 2:00 PDT (09:00 UTC). */
function ptDate(at) {
  const m = /^(\d\d)-(\d\d) (\d\d):(\d\d)$/.exec(at);
  if (!m) throw new Error(`bad time "${at}"`);
  const [mo, d, h, mi] = m.slice(1).map(Number);
  let t = Date.UTC(2026, mo - 1, d, h + 7, mi);
  if (t >= Date.UTC(2026, 10, 1, 9, 0)) t = Date.UTC(2026, mo - 1, d, h + 8, mi);
  return new Date(t);
}
const isPdt = (d) => d.getTime() < Date.UTC(2026, 10, 1, 9, 0);
const isEdt = (d) => d.getTime() < Date.UTC(2026, 10, 1, 6, 0);
const isBst = (d) => d.getTime() < Date.UTC(2026, 9, 25, 1, 0);
/** Wall-clock parts of a Date shifted by offset minutes. */
function wall(d, offMin) { const x = new Date(d.getTime() + offMin * 60000); return { y: x.getUTCFullYear(), mo: x.getUTCMonth(), d: x.getUTCDate(), wd: x.getUTCDay(), h: x.getUTCHours(), mi: x.getUTCMinutes(), s: x.getUTCSeconds() }; }
const offStr = (offMin, colon) => { const sign = offMin < 0 ? '-' : '+'; const a = Math.abs(offMin); return sign + pad(Math.floor(a / 60)) + (colon ? ':' : '') + pad(a % 60); };

function fmtDate(style, d) {
  switch (style) {
    case 'rfc-utc': { const w = wall(d, 0); return `${DAYS[w.wd]}, ${pad(w.d)} ${MON[w.mo]} ${w.y} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)} +0000`; }
    case 'rfc-gmt': { const w = wall(d, 0); return `${DAYS[w.wd]}, ${pad(w.d)} ${MON[w.mo]} ${w.y} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)} GMT`; }
    case 'rfc-pt-abbr': { const off = isPdt(d) ? -420 : -480; const w = wall(d, off); return `${DAYS[w.wd]}, ${w.d} ${MON[w.mo]} ${w.y} ${pad(w.h)}:${pad(w.mi)} ${isPdt(d) ? 'PDT' : 'PST'}`; }
    case 'rfc-pt-num': { const off = isPdt(d) ? -420 : -480; const w = wall(d, off); return `${DAYS[w.wd]}, ${w.d} ${MON[w.mo]} ${w.y} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)} ${offStr(off)}`; }
    case 'rfc-et-num': { const off = isEdt(d) ? -240 : -300; const w = wall(d, off); return `${DAYS[w.wd]}, ${pad(w.d)} ${MON[w.mo]} ${w.y} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)} ${offStr(off)}`; }
    case 'rfc-et-abbr': { const off = isEdt(d) ? -240 : -300; const w = wall(d, off); return `${DAYS[w.wd]}, ${pad(w.d)} ${MON[w.mo]} ${w.y} ${pad(w.h)}:${pad(w.mi)} ${isEdt(d) ? 'EDT' : 'EST'}`; }
    case 'iso-pt': { const off = isPdt(d) ? -420 : -480; const w = wall(d, off); return `${w.y}-${pad(w.mo + 1)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${offStr(off, true)}`; }
    case 'iso-london': { const off = isBst(d) ? 60 : 0; const w = wall(d, off); return `${w.y}-${pad(w.mo + 1)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${offStr(off, true)}`; }
    case 'iso-z': return d.toISOString().replace('.000Z', 'Z');
    case 'iso-z-ms': return d.toISOString();
    default: throw new Error(style);
  }
}

const escXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s) => escXml(s).replace(/"/g, '&quot;');
const cdata = (s) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function smartQuotes(s) {
  return s
    .replace(/(^|[\s(\[—–-])"/g, '$1\u201C').replace(/"/g, '\u201D')
    .replace(/(^|[\s(\[—–"\u201C-])'/g, '$1\u2018').replace(/'/g, '\u2019')
    .replace(/ - /g, ' \u2013 ');
}
/** WordPress-style numeric entities for non-ASCII punctuation (the rest stays UTF-8). */
function wpEntities(xmlEscaped) {
  return xmlEscaped.replace(/&amp;/g, '&#038;').replace(/[\u2018\u2019\u201C\u201D\u2013\u2014\u2026]/g, (c) => `&#${c.codePointAt(0)};`);
}

function slugify(h) {
  let s = h.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’'"“”]/g, '').replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (s.length > 80) s = s.slice(0, 80).replace(/-[^-]*$/, '');
  return s || 'untitled';
}

/** Markdown-ish body -> HTML paragraphs. `*x*` = title in italics, `[t](href)` = link. */
function bodyHtml(b, o, { smart, absBase }) {
  return b.trim().split(/\n\s*\n/).map((para) => {
    let t = escXml(para.trim().replace(/\s*\n\s*/g, ' '));
    if (smart) t = smartQuotes(t);
    t = t.replace(/\*([^*]+)\*/g, '<em>$1</em>');
    t = t.replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, text, href) => `<a href="${escAttr(absBase && href.startsWith('/') ? absBase + href : href)}">${text}</a>`);
    return `<p>${t}</p>`;
  }).join('\n');
}
function bodyText(b, smart) {
  let t = b.trim().split(/\n\s*\n/).map((p) => p.trim().replace(/\s*\n\s*/g, ' ')).join(' ');
  t = t.replace(/\*([^*]+)\*/g, '$1').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1');
  return smart ? smartQuotes(t) : t;
}
function excerpt(text, words = 55) {
  const w = text.split(/\s+/);
  return w.length <= words ? text : w.slice(0, words).join(' ');
}

// ---------------------------------------------------------------- renderers
function renderRssWp(o, list) {
  const lastBuild = fmtDate(o.date, list[0].date);
  const entries = list.map((it) => {
    let title = it.v.emptyTitle ? '' : escXml(o.smart ? smartQuotes(it.h) : o.dashes ? it.h.replace(/ - /g, ' \u2013 ') : it.h);
    if (o.entities) title = wpEntities(title);
    if (o.quotEntity) title = title.replace(/"/g, '&quot;');
    const abs = o.relativeLinks ? null : o.domain;
    let content = bodyHtml(it.b, o, { smart: o.smart, absBase: abs });
    if (it.v.htmlExtra) content += '\n' + it.v.htmlExtra;
    const titleForFooter = o.entities ? wpEntities(escXml(o.smart ? smartQuotes(it.h) : it.h)) : escXml(it.h);
    if (o.appearedFirst) content += `\n<p>The post <a href="${escAttr(it.canonical)}">${titleForFooter}</a> appeared first on <a href="${o.domain}">${o.name}</a>.</p>`;
    let desc = escXml(excerpt(bodyText(it.b, o.smart)));
    desc = (o.entities ? wpEntities(desc) : desc) + ' [&#8230;]';
    if (o.appearedFirst) desc = `<p>${desc}</p>\n<p>The post <a href="${escAttr(it.canonical)}">${titleForFooter}</a> appeared first on <a href="${o.domain}">${o.name}</a>.</p>`;
    const cats = (it.v.cat ?? []).map((c) => `\t\t<category>${cdata(c)}</category>`).join('\n');
    const pub = it.v.noDate ? '' : `\t\t<pubDate>${fmtDate(o.date, it.date)}</pubDate>\n`;
    return `\t<item>
\t\t<title>${title}</title>
\t\t<link>${escXml(it.link)}</link>
\t\t<comments>${escXml(it.canonical)}#respond</comments>
\t\t<dc:creator>${cdata(it.author)}</dc:creator>
${pub}${cats}
\t\t<guid isPermaLink="false">${escXml(it.guid ?? it.canonical)}</guid>
\t\t<description>${cdata(desc)}</description>
\t\t<content:encoded>${cdata(content)}</content:encoded>
\t\t<wfw:commentRss>${escXml(it.canonical)}feed/</wfw:commentRss>
\t\t<slash:comments>${h32(it.story.id) % 40}</slash:comments>
\t</item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:atom="http://www.w3.org/2005/Atom"
\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"
\t>

<channel>
\t<title>${escXml(o.name)}</title>
\t<atom:link href="${BASE}${o.file}" rel="self" type="application/rss+xml" />
\t<link>${o.domain}</link>
\t<description>${escXml(o.description)}</description>
\t<lastBuildDate>${lastBuild}</lastBuildDate>
\t<language>en-US</language>
\t<sy:updatePeriod>hourly</sy:updatePeriod>
\t<sy:updateFrequency>1</sy:updateFrequency>
\t<generator>https://wordpress.org/?v=6.8.2</generator>
\t<image>
\t\t<url>${o.domain}/wp-content/uploads/favicon-32x32.png</url>
\t\t<title>${escXml(o.name)}</title>
\t\t<link>${o.domain}</link>
\t\t<width>32</width>
\t\t<height>32</height>
\t</image>
${entries}
</channel>
</rss>
`;
}

function renderRssPlain(o, list) {
  // The Wrap Sheet: hand-rolled RSS 2.0, entity-escaped HTML descriptions, relative links, permalink guids.
  const entries = list.map((it) => {
    const title = it.v.emptyTitle ? '' : escXml(it.h);
    let html = bodyHtml(it.b, o, { smart: false, absBase: null });
    if (it.v.htmlExtra) html += '\n' + it.v.htmlExtra;
    const pub = it.v.noDate ? '' : `    <pubDate>${fmtDate(o.date, it.date)}</pubDate>\n`;
    const cats = (it.v.cat ?? []).map((c) => `    <category>${escXml(c)}</category>`).join('\n');
    return `  <item>
    <title>${title}</title>
    <link>${escXml(it.link)}</link>
    <guid isPermaLink="true">${escXml(it.canonical)}</guid>
${pub}    <dc:creator>${escXml(it.author)}</dc:creator>
${cats}
    <description>${escXml(html)}</description>
  </item>`;
  }).join('\n');
  const dated = list.filter((it) => !it.v.noDate);
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>${escXml(o.name)}</title>
  <link>${o.domain}/</link>
  <atom:link href="${BASE}${o.file}" rel="self" type="application/rss+xml"/>
  <description>${escXml(o.description)}</description>
  <language>en-us</language>
  <copyright>Copyright 2026 The Wrap Sheet. All rights reserved.</copyright>
  <pubDate>${fmtDate(o.date, dated[0].date)}</pubDate>
  <ttl>15</ttl>
${entries}
</channel>
</rss>
`;
}

function renderRssMin(o, list) {
  // Promo Reel Daily: minimal RSS 2.0, CDATA descriptions only, EST/EDT abbreviations without seconds.
  const entries = list.map((it) => {
    const title = escXml(o.smart ? smartQuotes(it.h) : it.h);
    const html = bodyHtml(it.b, o, { smart: o.smart, absBase: o.domain });
    const pub = it.v.noDate ? '' : `<pubDate>${fmtDate(o.date, it.date)}</pubDate>`;
    const cats = (it.v.cat ?? []).map((c) => `<category>${escXml(c)}</category>`).join('');
    return `<item><title>${title}</title><link>${escXml(it.link)}</link><guid isPermaLink="false">${escXml(it.guid)}</guid>${pub}<dc:creator>${escXml(it.author)}</dc:creator>${cats}<description>${cdata(html)}</description></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escXml(o.name)}</title>
<link>${o.domain}</link>
<description>${escXml(o.description)}</description>
<language>en</language>
<lastBuildDate>${fmtDate(o.date, list[0].date)}</lastBuildDate>
${entries}
</channel>
</rss>
`;
}

function renderCp1252(o, list) {
  // IndieWire Weekly: RSS 2.0 in windows-1252, raw curly quotes / accented letters (no entities).
  const entries = list.map((it) => {
    const title = escXml(smartQuotes(it.h));
    const content = bodyHtml(it.b, o, { smart: true, absBase: o.domain });
    const desc = escXml(excerpt(bodyText(it.b, true), 40)) + '\u2026';
    const cats = (it.v.cat ?? []).map((c) => `\t\t<category>${cdata(c)}</category>`).join('\n');
    const pub = it.v.noDate ? '' : `\t\t<pubDate>${fmtDate(o.date, it.date)}</pubDate>\n`;
    return `\t<item>
\t\t<title>${title}</title>
\t\t<link>${escXml(it.link)}</link>
\t\t<dc:creator>${cdata(it.author)}</dc:creator>
${pub}${cats}
\t\t<guid isPermaLink="false">${escXml(it.guid)}</guid>
\t\t<description>${cdata(desc)}</description>
\t\t<content:encoded>${cdata(content)}</content:encoded>
\t</item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
\t<title>${escXml(o.name)}</title>
\t<atom:link href="${BASE}${o.file}" rel="self" type="application/rss+xml" />
\t<link>${o.domain}</link>
\t<description>${escXml(o.description)}</description>
\t<lastBuildDate>${fmtDate(o.date, list[0].date)}</lastBuildDate>
\t<language>en-US</language>
${entries}
</channel>
</rss>
`;
}

function renderAtom(o, list, { htmlTitles }) {
  const isoStyle = htmlTitles ? 'iso-z' : 'iso-pt';
  const entries = list.map((it) => {
    const plainTitle = o.smart ? smartQuotes(it.h) : it.h;
    // Box Office Pulse declares type="html" titles and double-escapes its entities (&amp;#8217;), as many Atom feeds do.
    const title = htmlTitles
      ? `<title type="html">${escXml(escXml(plainTitle).replace(/[\u2018\u2019\u201C\u201D\u2013\u2014]/g, (c) => `&#${c.codePointAt(0)};`))}</title>`
      : `<title type="text">${escXml(plainTitle)}</title>`;
    const html = bodyHtml(it.b, o, { smart: o.smart, absBase: o.domain });
    const summary = escXml(excerpt(bodyText(it.b, o.smart), 45));
    const day = it.date.toISOString().slice(0, 10);
    const updated = new Date(it.date.getTime() + (h32(it.story.id + 'u') % 4 === 0 ? (h32(it.story.id) % 90) * 60000 : 0));
    const cats = (it.v.cat ?? []).map((c) => `    <category term="${escAttr(slugify(c))}" label="${escAttr(c)}"/>`).join('\n');
    const content = htmlTitles ? `<content type="html">${cdata(html)}</content>` : `<content type="html">${escXml(html)}</content>`;
    const published = it.v.noDate ? '' : `    <published>${fmtDate(htmlTitles ? 'iso-z' : isoStyle, it.date)}</published>\n`;
    return `  <entry>
    ${title}
    <link rel="alternate" type="text/html" href="${escAttr(it.link)}"/>
    <id>tag:${o.domain.replace(/^https?:\/\//, '')},${day}:/${it.pid}</id>
${published}    <updated>${fmtDate(htmlTitles ? 'iso-z-ms' : isoStyle, updated)}</updated>
    <author><name>${escXml(it.author)}</name></author>
${cats}
    <summary type="text">${summary}</summary>
    ${content}
  </entry>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">
  <title type="text">${escXml(o.name)}</title>
  <subtitle type="text">${escXml(o.description)}</subtitle>
  <id>tag:${o.domain.replace(/^https?:\/\//, '')},2026:/feed</id>
  <link rel="alternate" type="text/html" href="${o.domain}/"/>
  <link rel="self" type="application/atom+xml" href="${BASE}${o.file}"/>
  <updated>${fmtDate(htmlTitles ? 'iso-z-ms' : isoStyle, list[0].date)}</updated>
  <generator uri="https://example.org/feedgen" version="2.4">FeedGen</generator>
  <rights>© 2026 ${escXml(o.name)}</rights>
${entries}
</feed>
`;
}

function renderRdf(o, list) {
  const seq = list.map((it) => `      <rdf:li rdf:resource="${escAttr(it.canonical)}"/>`).join('\n');
  const entries = list.map((it) => {
    const cats = (it.v.cat ?? []).map((c) => `  <dc:subject>${escXml(c)}</dc:subject>`).join('\n');
    const date = it.v.noDate ? '' : `  <dc:date>${fmtDate('iso-london', it.date)}</dc:date>\n`;
    return `<item rdf:about="${escAttr(it.canonical)}">
  <title>${escXml(it.h)}</title>
  <link>${escXml(it.link)}</link>
  <description>${escXml(excerpt(bodyText(it.b, false), 50))}</description>
  <dc:creator>${escXml(it.author)}</dc:creator>
${date}${cats}
  <content:encoded>${cdata(bodyHtml(it.b, o, { smart: false, absBase: o.domain }))}</content:encoded>
</item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF
  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:syn="http://purl.org/rss/1.0/modules/syndication/">
<channel rdf:about="${o.domain}/">
  <title>${escXml(o.name)}</title>
  <link>${o.domain}/</link>
  <description>${escXml(o.description)}</description>
  <dc:language>en-gb</dc:language>
  <dc:date>${fmtDate('iso-london', list[0].date)}</dc:date>
  <syn:updatePeriod>hourly</syn:updatePeriod>
  <items>
    <rdf:Seq>
${seq}
    </rdf:Seq>
  </items>
</channel>
${entries}
</rdf:RDF>
`;
}

// ---------------------------------------------------------------- newsroom pages
const escHtml = (s) => escXml(s).replace(/"/g, '&quot;');
function detailPage(o, it, { brand, backHref, dateHtml }) {
  const paras = bodyHtml(it.b, o, { smart: false, absBase: null }).replace(/<em>|<\/em>/g, '');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escHtml(it.h)} | ${brand}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="${backHref}">&larr; ${brand}</a></header>
<main><article class="press-release-detail">
<h1>${escHtml(it.h)}</h1>
${dateHtml}
${paras}
<p class="boilerplate">Media contact: publicity@${brand.toLowerCase().replace(/[^a-z0-9]/g, '')}.example</p>
</article></main></body></html>
`;
}

function renderLionsgate(o, list) {
  const pagePath = new URL(BASE + o.file);
  const detail = [];
  const cards = list.map((it) => {
    const rel = new URL(it.canonical).pathname; // root-relative link, e.g. /newsroom/lionsgate/2026-11-19-....html
    const w = wall(it.date, isPdt(it.date) ? -420 : -480);
    const iso = fmtDate('iso-pt', it.date);
    const shown = `${MON[w.mo]} ${w.d}, ${w.y}`;
    detail.push({ path: rel.slice(1), html: detailPage(o, it, { brand: 'Lionsgate', backHref: '/newsroom/lionsgate.html', dateHtml: `<p><time datetime="${iso}">${shown}</time></p>` }) });
    return `      <article class="press-item" data-id="${it.pid}">
        <div class="press-item__meta">
          <time class="press-item__date" datetime="${iso}">${shown}</time>
          <span class="press-item__type">${escHtml((it.v.cat ?? ['Press Release'])[0])}</span>
        </div>
        <h3 class="press-item__title"><a href="${rel}">${escHtml(it.h)}</a></h3>
        <p class="press-item__summary">${escHtml(excerpt(bodyText(it.b, false), 38))}&hellip;</p>
        <a class="press-item__more" href="${rel}" aria-hidden="true" tabindex="-1">Read more</a>
      </article>`;
  }).join('\n');
  const featured = list[0];
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Press Releases | Lionsgate Newsroom</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="canonical" href="${pagePath.href}">
  <link rel="stylesheet" href="/newsroom/static/lionsgate.css">
</head>
<body class="page-template-newsroom">
  <header class="site-header">
    <a class="site-header__logo" href="/">LIONSGATE</a>
    <nav class="site-nav" aria-label="Main"><ul>
      <li><a href="/movies/">Movies</a></li><li><a href="/television/">Television</a></li>
      <li><a href="/investors/">Investors</a></li><li class="is-active"><a href="/newsroom/lionsgate.html">Newsroom</a></li>
    </ul></nav>
  </header>
  <main id="main">
    <section class="newsroom-hero">
      <h1>Newsroom</h1>
      <div class="featured-release">
        <span class="eyebrow">Featured</span>
        <h2 class="featured-release__title"><a href="${new URL(featured.canonical).pathname}">${escHtml(featured.h)}</a></h2>
      </div>
    </section>
    <div class="newsroom-filters" role="tablist">
      <button class="is-active" type="button">All</button><button type="button">Film</button><button type="button">Television</button><button type="button">Corporate</button>
    </div>
    <section class="press-list" aria-label="Press releases">
${cards}
    </section>
    <nav class="pagination" aria-label="Pagination"><span class="current">1</span> <a href="/newsroom/lionsgate.html?page=2">2</a> <a href="/newsroom/lionsgate.html?page=3">3</a> <a class="next" href="/newsroom/lionsgate.html?page=2">Next &rsaquo;</a></nav>
  </main>
  <footer class="site-footer"><p>&copy; 2026 Lions Gate Entertainment Inc. Demo newsroom page; all releases are fictional.</p>
    <ul><li><a href="/privacy/">Privacy</a></li><li><a href="/terms/">Terms</a></li><li><a href="/contact/">Media Contacts</a></li></ul></footer>
</body>
</html>
`;
  return { html, detail };
}

function renderA24(o, list) {
  const detail = [];
  const cards = list.map((it) => {
    const w = wall(it.date, isPdt(it.date) ? -420 : -480);
    const shown = `${MONTH[w.mo]} ${w.d}, ${w.y}`;
    const file = new URL(it.canonical).pathname.split('/').pop();
    const rel = `a24/${file}`; // document-relative link
    detail.push({ path: `newsroom/a24/${file}`, html: detailPage(o, it, { brand: 'A24', backHref: '../a24.html', dateHtml: `<p class="date">${shown}</p>` }) });
    return `    <li class="news-card">
      <a class="news-card__link" href="${rel}">
        <div class="news-card__body">
          <span class="news-card__tag">${escHtml((it.v.cat ?? ['News'])[0])}</span>
          <p class="news-card__date">${shown}</p>
          <h2 class="news-card__title">${escHtml(it.h)}</h2>
          <p class="news-card__dek">${escHtml(excerpt(bodyText(it.b, false), 30))}</p>
        </div>
      </a>
    </li>`;
  }).join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>News — A24</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="stylesheet" href="/newsroom/static/a24.css">
</head>
<body>
<div id="app">
<nav class="global-nav"><a class="global-nav__logo" href="/">A24</a>
<ul class="global-nav__menu"><li><a href="/films">Films</a></li><li><a href="/tv">TV</a></li><li><a href="/newsroom/a24.html" aria-current="page">News</a></li><li><a href="/shop">Shop</a></li><li><a href="/aaa24">AAA24</a></li></ul></nav>
<main class="news-index">
  <header class="news-index__header"><h1>News</h1>
  <form class="news-index__signup" action="/newsletter" method="post"><label>Get the newsletter <input type="email" name="email" placeholder="Email address"></label><button type="submit">Sign up</button></form></header>
  <ul class="news-index__grid">
${cards}
  </ul>
  <button class="news-index__load-more" type="button" data-next="/newsroom/a24.html?page=2">Load more</button>
</main>
<footer class="global-footer"><p>© A24 Films LLC 2026. Demo page; all news items are fictional.</p></footer>
</div>
</body>
</html>
`;
  return { html, detail };
}

// ---------------------------------------------------------------- site
/**
 * Renders a site from stories: one feed or newsroom page per outlet (plus newsroom detail pages).
 * A story may carry `shiftMs`: its versions are dated that much earlier (the scale benchmark's copies).
 * Returns the files (path relative to the site root, content), the items (one per outlet version, with
 * canonical URL and date) and the item count per source id.
 */
export function buildNewsSite(stories, { outlets = OUTLETS, clock = CLOCK, earliest = EARLIEST } = {}) {
  const seenIds = new Set();
  const items = []; // one per outlet version
  for (const st of stories) {
    if (seenIds.has(st.id)) throw new Error(`duplicate story id ${st.id}`);
    seenIds.add(st.id);
    const outletsSeen = new Set();
    for (const v of st.v) {
      const o = outlets[v.o];
      if (!o) throw new Error(`${st.id}: unknown outlet ${v.o}`);
      if (outletsSeen.has(v.o)) throw new Error(`${st.id}: outlet ${v.o} twice`);
      outletsSeen.add(v.o);
      let h = v.emptyTitle ? (v.h ?? '') : v.h, b = v.b;
      if (v.copyOf) {
        const src = st.v.find((x) => x.o === v.copyOf);
        if (!src) throw new Error(`${st.id}: copyOf ${v.copyOf} missing`);
        h = src.h; b = src.b;
      }
      if (h == null || b == null) throw new Error(`${st.id}/${v.o}: missing h or b`);
      const date = new Date(ptDate(v.at).getTime() - (st.shiftMs ?? 0));
      if (date.getTime() > clock) throw new Error(`${st.id}/${v.o}: ${date.toISOString()} is after the clock`);
      if (date.getTime() < earliest) throw new Error(`${st.id}/${v.o}: ${date.toISOString()} is before ${new Date(earliest).toISOString().slice(0, 10)}`);
      // deterministic seconds so timestamps do not all end in :00
      const newsroom = v.o === 'lg' || v.o === 'a24';
      const withSec = newsroom ? date : new Date(date.getTime() + (h32(st.id + v.o) % 60) * 1000);
      items.push({ story: st, v, o, outletKey: v.o, h, b, date: withSec, copyOf: v.copyOf ?? null });
    }
  }

  // per-outlet post ids and urls
  const byOutlet = {};
  for (const it of items) (byOutlet[it.outletKey] ??= []).push(it);
  for (const [key, list] of Object.entries(byOutlet)) {
    list.sort((a, b) => a.date - b.date || a.story.id.localeCompare(b.story.id));
    const o = outlets[key];
    const base = 1235800000 + (h32(key) % 90000) * 10;
    list.forEach((it, i) => {
      const w = wall(it.date, isPdt(it.date) ? -420 : -480);
      const slugSource = it.v.slug ?? (it.h || `${it.story.id}`);
      const p = { domain: o.domain, y: w.y, mm: pad(w.mo + 1), dd: pad(w.d), slug: slugify(slugSource), pid: base + i * 7 + (h32(it.story.id) % 7),
        section: ['trailer', 'review'].includes(it.story.type) ? 'film' : it.story.type === 'box_office' ? 'box-office' : 'film' };
      it.pid = p.pid;
      it.canonical = o.url(p);
      it.guid = o.guid ? o.guid(p) : null;
      let link = it.canonical;
      if (o.tracking === 'always' || (o.tracking === 'some' && h32(it.story.id) % 3 !== 0)) {
        link += (link.includes('?') ? '&' : '?') + `utm_source=rss&utm_medium=feed` + (o.campaign ? `&utm_campaign=${o.campaign}` : '');
      }
      it.link = link;
      it.author = it.v.by ?? o.authors[h32(it.story.id + key) % o.authors.length];
    });
    list.reverse(); // feeds list newest first
  }

  const files = [];
  const out = (path, content) => files.push({ path, content });
  const counts = {};
  for (const [key, o] of Object.entries(outlets)) {
    const list = byOutlet[key] ?? [];
    if (!list.length) throw new Error(`no items for ${key}`);
    counts[o.id] = list.length;
    switch (o.format) {
      case 'rss-wp': out(o.file, renderRssWp(o, list)); break;
      case 'rss-plain': out(o.file, renderRssPlain(o, list)); break;
      case 'rss-min': out(o.file, renderRssMin(o, list)); break;
      case 'rss-cp1252': out(o.file, encodeCp1252(renderCp1252(o, list))); break;
      case 'atom': out(o.file, renderAtom(o, list, { htmlTitles: false })); break;
      case 'atom-html': out(o.file, renderAtom(o, list, { htmlTitles: true })); break;
      case 'rdf': out(o.file, renderRdf(o, list)); break;
      case 'newsroom-lionsgate': { const r = renderLionsgate(o, list); out(o.file, r.html); r.detail.forEach((d) => out(d.path, d.html)); break; }
      case 'newsroom-a24': { const r = renderA24(o, list); out(o.file, r.html); r.detail.forEach((d) => out(d.path, d.html)); break; }
      default: throw new Error(o.format);
    }
  }
  return { files, items, counts };
}
