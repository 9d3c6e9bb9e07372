// Digest rendering: the brief as responsive MJML → HTML (max 600 px, chart inline by CID) plus a plain-text part.
import { escapeHtml } from '../../util/html.js';
import { briefId } from '../../assist/counter-briefs.js';
import { flagLink } from '../../feedback/flag-links.js';
import mjml2html from 'mjml';
import type { Brief, Citation } from '../../model/brief.js';
import { CHART_HEIGHT, CHART_WIDTH, renderBoxOfficeChart } from './chart.js';
import { sparkGlyphs, toneWord, type SentimentSeries } from '../../analysis/sentiment-series.js';
import { interestMjml, interestText, renderInterestChart } from '../../interest/digest-section.js';

export const CHART_CID = 'boxoffice-chart';

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
  /** The box-office chart PNG referenced as `cid:boxoffice-chart` (null when there is no weekend chart to draw). */
  chart: Buffer | null;
  /** The interest chart PNG referenced as `cid:interest-chart` (null without interest figures). */
  interestChart?: Buffer | null;
}

/** HTML-escapes text from the web (titles, summaries, outlet names) so it can only ever render as text. */
export { escapeHtml };

const isAbsolute = (u: string | null): u is string => !!u && /^https?:\/\/[^\s"'<>]+$/i.test(u);
const usd = (n: number | null) => (n === null ? '–' : `$${Math.round(n).toLocaleString('en-US')}`);
const usdShort = (n: number | null) => (n === null ? '–' : n >= 1e6 ? `$${(n / 1e6).toFixed(1)}M` : `$${Math.round(n / 1e3)}K`);
const pct = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n}%`);
const LABEL = 'font-size:13px;color:#555;';
const TD = 'padding:4px 6px;border-bottom:1px solid #eee;font-size:12px;';

/** Links a digest carries for people: the web page (briefs) and signed "flag as wrong" links, per line. */
export interface DigestLinks {
  publicUrl: string;
  linkSecret: string;
  /** Who the flag links are made for (the recipient, or "digest recipient" when several share the message). */
  who: string;
  now: Date;
}

/** A small "flag" link for one line: the event behind it, or the line's own id for computed sentences. */
function flag(links: DigestLinks | undefined, id: string): string {
  if (!links) return '';
  const href = flagLink(links.publicUrl, links.linkSecret, { kind: 'digest', id }, links.who, links.now);
  return ` <a href="${escapeHtml(href)}" style="color:#9ca3af;font-size:11px;text-decoration:none;" title="Flag this line as wrong">flag</a>`;
}

function briefLink(links: DigestLinks | undefined, c: { slateTitle: string; competitorTitle: string; competitorDate: string }): string {
  if (!links) return '';
  const href = `${links.publicUrl.replace(/\/+$/, '')}/#brief=${briefId(c)}`;
  return ` <a href="${escapeHtml(href)}" style="color:#b45309;font-weight:bold;">Draft brief</a>`;
}

function citeLinks(nums: number[], citations: Citation[]): string {
  return nums
    .map((n) => {
      const c = citations[n - 1];
      if (!c) return '';
      return isAbsolute(c.url) ? `<a href="${escapeHtml(c.url)}" style="color:#1f6feb;text-decoration:none;">[${n}]</a>` : `[${n}]`;
    })
    .join('');
}

function section(title: string, body: string): string {
  return `<mj-section padding="8px 0"><mj-column><mj-text font-size="17px" font-weight="bold" padding-bottom="4px">${escapeHtml(title)}</mj-text>${body}</mj-column></mj-section>`;
}

function statsTable(b: Brief): string {
  const rows = b.stats.byType
    .map((t) => `<tr><td style="${TD}">${escapeHtml(t.type.replace(/_/g, ' '))}</td><td style="${TD}text-align:right;">${t.thisWeek}</td><td style="${TD}text-align:right;">${t.previousAverage}</td></tr>`)
    .join('');
  const movers = b.stats.movers
    .filter((m) => m.delta > 0)
    .map((m) => `<tr><td style="${TD}">${escapeHtml(m.name)} <span style="color:#888;">(${m.kind})</span></td><td style="${TD}text-align:right;">${m.items} items / ${m.outlets} outlets</td><td style="${TD}text-align:right;">+${m.delta}</td></tr>`)
    .join('');
  const share = (list: Brief['stats']['distributorShare']) => list.slice(0, 6).map((s) => `${escapeHtml(s.name)} ${s.share}%`).join(' · ') || '–';
  return `<mj-table css-class="stats" font-size="12px" width="100%">
<tr style="text-align:left;"><th style="${TD}">Events by type</th><th style="${TD}text-align:right;">This week</th><th style="${TD}text-align:right;">Prev. 4-wk avg</th></tr>
${rows}
<tr><td style="${TD}font-weight:bold;">Total</td><td style="${TD}text-align:right;font-weight:bold;">${b.stats.totalEvents}</td><td style="${TD}text-align:right;font-weight:bold;">${b.stats.previousAverage}</td></tr>
</mj-table>
${movers ? `<mj-table font-size="12px" width="100%"><tr style="text-align:left;"><th style="${TD}">Coverage movers</th><th style="${TD}text-align:right;">This week</th><th style="${TD}text-align:right;">vs last week</th></tr>${movers}</mj-table>` : ''}
<mj-text ${'font-size="12px"'}><span style="${LABEL}">Distributor share of the weekend:</span> ${share(b.stats.distributorShare)}<br/><span style="${LABEL}">Genre share (titles with known genres):</span> ${share(b.stats.genreShare)}</mj-text>`;
}

function narrative(b: Brief, l?: DigestLinks): string {
  const sentences = b.narrative.map((s, i) => `${escapeHtml(s.text)} ${citeLinks(s.cites, b.citations)}${flag(l, `${b.week}:s${i + 1}`)}`).join(' ');
  const sources = b.citations
    .map((c) => `<li>${isAbsolute(c.url) ? `<a href="${escapeHtml(c.url)}" style="color:#1f6feb;">${escapeHtml(c.title)}</a>` : escapeHtml(c.title)} <span style="color:#888;">— ${escapeHtml(c.source)}</span></li>`)
    .join('');
  return `<mj-text css-class="narrative" font-size="14px" line-height="21px">${sentences}</mj-text>
<mj-text font-size="11px" color="#555"><ol style="padding-left:18px;margin:0;">${sources}</ol></mj-text>`;
}

function competitorMoves(b: Brief, l?: DigestLinks): string {
  if (!b.competitorMoves.length) return '<mj-text>No competitor moves this week.</mj-text>';
  return b.competitorMoves
    .map(
      (g) =>
        `<mj-text font-size="14px" font-weight="bold" padding-bottom="0">${escapeHtml(g.studio)}</mj-text><mj-text font-size="13px" padding-top="2px"><ul style="padding-left:18px;margin:0;">${g.moves
          .map((m) => `<li><span style="color:#888;">${escapeHtml(m.type.replace(/_/g, ' '))}</span> ${escapeHtml(m.summary)} ${citeLinks(m.cites, b.citations)}${flag(l, m.eventId)}</li>`)
          .join('')}</ul></mj-text>`,
    )
    .join('');
}

function calendar(b: Brief, l?: DigestLinks): string {
  const changes = b.calendarChanges
    .map((c) => `<li>${escapeHtml(c.title)}${c.distributor ? ` (${escapeHtml(c.distributor)})` : ''}: ${escapeHtml(c.previousDate ?? 'undated')} → ${escapeHtml(c.date ?? 'off the calendar')} ${citeLinks(c.cites, b.citations)}${flag(l, c.eventId)}</li>`)
    .join('');
  const collisions = b.collisions
    .map(
      (c) =>
        `<li style="background:#fff3cd;padding:4px;margin-bottom:4px;"><strong>${escapeHtml(c.slateTitle)}</strong> (${escapeHtml(c.slateDate)}) vs ${escapeHtml(c.competitorTitle)}${c.distributor ? ` (${escapeHtml(c.distributor)})` : ''} on ${escapeHtml(c.competitorDate)} — ${c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart'}${c.genreOverlap.length ? `, shared genres: ${escapeHtml(c.genreOverlap.join(', '))}` : ''} ${citeLinks(c.cites, b.citations)}${briefLink(l, c)}${c.eventId ? flag(l, c.eventId) : ''}</li>`,
    )
    .join('');
  return `<mj-text font-size="13px"><strong>Changes this week</strong><ul style="padding-left:18px;margin:4px 0;">${changes || '<li>None.</li>'}</ul>
<strong style="color:#b45309;">Collisions with the slate (next 12 weeks)</strong><ul class="collisions" style="padding-left:18px;margin:4px 0;list-style:none;">${collisions || '<li>None.</li>'}</ul></mj-text>`;
}

function boxOffice(b: Brief): string {
  if (!b.boxOffice.rows.length) return '<mj-text>No weekend chart yet.</mj-text>';
  const r = b.boxOffice.rows
    .slice(0, 10)
    .map(
      (x) =>
        `<tr><td style="${TD}">${x.rank ?? ''}</td><td style="${TD}">${escapeHtml(x.title)}<br/><span style="color:#888;font-size:11px;">${escapeHtml(x.distributor ?? '')}</span></td><td style="${TD}text-align:right;">${usdShort(x.gross)}</td><td style="${TD}text-align:right;">${pct(x.change)}</td><td style="${TD}text-align:right;">${x.theaters?.toLocaleString('en-US') ?? '–'}</td><td style="${TD}text-align:right;">${usd(x.perTheater)}</td><td style="${TD}text-align:right;">${usdShort(x.totalGross)}</td></tr>`,
    )
    .join('');
  const th = (s: string, width: number, right = true) => `<th style="${TD}width:${width}%;${right ? 'text-align:right;' : 'text-align:left;'}">${s}</th>`;
  return `<mj-text font-size="12px" color="#555">Weekend of ${escapeHtml(b.boxOffice.weekend ?? '')}${b.boxOffice.end ? ` – ${escapeHtml(b.boxOffice.end)}` : ''}</mj-text>
<mj-table css-class="boxoffice" font-size="12px" width="100%" table-layout="fixed">
<tr>${th('#', 5, false)}${th('Title / distributor', 33, false)}${th('Gross', 12)}${th('Chg', 11)}${th('Thtrs', 11)}${th('Avg', 14)}${th('Total', 14)}</tr>
${r}
</mj-table>
<mj-image src="cid:${CHART_CID}" alt="Weekend gross of the top titles over the last weekends" width="${CHART_WIDTH}px" height="${CHART_HEIGHT}px" css-class="chart" padding="8px 0"/>`;
}

const signed = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n.toFixed(2)}`);
const TONE_COLOR = { positive: '#15803d', mixed: '#6b7280', negative: '#b91c1c', 'no coverage': '#9ca3af' } as const;
const TREND_ARROW = { rising: '↗ rising', falling: '↘ falling', flat: '→ flat' } as const;
const sentimentRows = (b: Brief): SentimentSeries[] => (b.sentiment ? [...b.sentiment.studios, ...b.sentiment.titles] : []);

/** Tone of coverage: one row per subject with a text-glyph sparkline (survives every mail client), each glyph linking to the week's first item. */
function tone(b: Brief): string {
  const rows = sentimentRows(b)
    .map((s) => {
      const glyphs = sparkGlyphs(s.points)
        .map((g, i) => {
          const p = s.points[i]!;
          const url = p.items.find((it) => isAbsolute(it.url))?.url ?? null;
          const label = `${p.week}: ${p.n ? `${signed(p.mean)}, ${p.n} event${p.n === 1 ? '' : 's'}` : 'no coverage'}`;
          const color = TONE_COLOR[toneWord(p.mean)];
          return url && isAbsolute(url)
            ? `<a href="${escapeHtml(url)}" title="${escapeHtml(label)}" style="color:${color};text-decoration:none;">${g}</a>`
            : `<span title="${escapeHtml(label)}" style="color:${color};">${g}</span>`;
        })
        .join('');
      const word = toneWord(s.overall.mean);
      return `<tr><td style="${TD}width:40%;">${escapeHtml(s.subject.name)} <span style="color:#888;">(${s.subject.kind})</span></td><td class="spark" style="${TD}width:22%;font-size:16px;letter-spacing:1px;white-space:nowrap;">${glyphs}</td><td style="${TD}width:38%;"><span style="color:${TONE_COLOR[word]};font-weight:bold;">${word}</span> <span style="color:#888;">${signed(s.overall.mean)}, ${s.overall.n} event${s.overall.n === 1 ? '' : 's'}, ${TREND_ARROW[s.trend]}</span></td></tr>`;
    })
    .join('');
  if (!rows) return '<mj-text>No competitor coverage in the last four weeks.</mj-text>';
  return `<mj-text font-size="12px" color="#555">${escapeHtml(b.sentiment!.fromWeek)} to ${escapeHtml(b.sentiment!.toWeek)}, one bar per week (▁ negative … █ positive); each bar links to that week's coverage.</mj-text>
<mj-table css-class="sentiment" font-size="12px" width="100%" table-layout="fixed">${rows}</mj-table>`;
}

function plainText(b: Brief, links?: DigestLinks): string {
  const lines: string[] = [`${b.workspace} — weekly digest ${b.week} (${b.monday} to ${b.sunday})`, ''];
  lines.push('THE BRIEF', `Events: ${b.stats.totalEvents} (previous 4-week average ${b.stats.previousAverage})`);
  for (const t of b.stats.byType) lines.push(`  ${t.type.replace(/_/g, ' ')}: ${t.thisWeek} (avg ${t.previousAverage})`);
  for (const m of b.stats.movers.filter((x) => x.delta > 0)) lines.push(`  mover (${m.kind}) ${m.name}: ${m.items} items / ${m.outlets} outlets, +${m.delta}`);
  lines.push(`  distributor share: ${b.stats.distributorShare.slice(0, 6).map((s) => `${s.name} ${s.share}%`).join(', ') || '-'}`);
  lines.push(`  genre share: ${b.stats.genreShare.slice(0, 6).map((s) => `${s.name} ${s.share}%`).join(', ') || '-'}`, '');
  for (const s of b.narrative) lines.push(`${s.text} ${s.cites.map((n) => `[${n}]`).join('')}`);
  lines.push('');
  for (const c of b.citations) lines.push(`[${c.n}] ${c.title} — ${c.source}${c.url ? ` <${c.url}>` : ''}`);
  lines.push('', 'COMPETITOR MOVES');
  for (const g of b.competitorMoves) {
    lines.push(g.studio);
    for (const m of g.moves) lines.push(`  - ${m.type.replace(/_/g, ' ')}: ${m.summary} ${m.cites.map((n) => `[${n}]`).join('')}`);
  }
  lines.push('', 'RELEASE CALENDAR');
  for (const c of b.calendarChanges) lines.push(`  - ${c.title}: ${c.previousDate ?? 'undated'} -> ${c.date ?? 'off the calendar'}`);
  for (const c of b.collisions) {
    lines.push(`  ! COLLISION ${c.slateTitle} (${c.slateDate}) vs ${c.competitorTitle} (${c.competitorDate}), ${c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart'}`);
    if (links) lines.push(`    draft brief: ${links.publicUrl.replace(/\/+$/, '')}/#brief=${briefId(c)}`);
  }
  if (b.sentiment) {
    lines.push('', `TONE OF COVERAGE, ${b.sentiment.fromWeek} to ${b.sentiment.toWeek} (one bar per week, ▁ negative … █ positive)`);
    for (const s of sentimentRows(b)) {
      lines.push(`  ${s.subject.name} (${s.subject.kind}): ${sparkGlyphs(s.points).join('')} ${toneWord(s.overall.mean)} (${signed(s.overall.mean)}, ${s.overall.n} event${s.overall.n === 1 ? '' : 's'}), ${s.trend}`);
      for (const p of s.points.filter((x) => x.n)) {
        const url = p.items.find((it) => isAbsolute(it.url))?.url;
        lines.push(`    ${p.week} ${signed(p.mean)} (${p.n} event${p.n === 1 ? '' : 's'})${url ? ` <${url}>` : ''}`);
      }
    }
  }
  lines.push('', `BOX OFFICE, weekend of ${b.boxOffice.weekend ?? '-'}`);
  for (const r of b.boxOffice.rows.slice(0, 10)) {
    lines.push(`  ${String(r.rank ?? '').padStart(2)}. ${r.title} (${r.distributor ?? '-'}) ${usd(r.gross)} ${pct(r.change)}, ${r.theaters ?? '-'} theaters, ${usd(r.perTheater)} avg, ${usd(r.totalGross)} total`);
  }
  if (b.interest) lines.push('', ...interestText(b.interest));
  return lines.join('\n') + '\n';
}

/** Renders the brief to the digest email: subject, responsive HTML (chart as `cid:boxoffice-chart`), plain text and the chart PNG. */
export async function renderDigest(brief: Brief, options: { links?: DigestLinks } = {}): Promise<RenderedDigest> {
  const source = digestSource(brief, options.links);
  const out = await mjml2html(source, { validationLevel: 'soft', keepComments: false });
  return {
    subject: `${brief.workspace}: weekly digest ${brief.week}`,
    html: out.html,
    text: plainText(brief, options.links),
    chart: brief.boxOffice.rows.length ? await renderBoxOfficeChart(brief.boxOfficeSeries) : null,
    interestChart: await renderInterestChart(brief.interest),
  };
}

function digestSource(brief: Brief, l?: DigestLinks): string {
  const header = `<mj-section background-color="#111827" padding="16px 0"><mj-column>
<mj-text color="#ffffff" font-size="20px" font-weight="bold">${escapeHtml(brief.workspace)}</mj-text>
<mj-text color="#d1d5db" font-size="13px">Weekly digest ${escapeHtml(brief.week)} · ${escapeHtml(brief.monday)} to ${escapeHtml(brief.sunday)}</mj-text>
</mj-column></mj-section>`;
  return `<mjml><mj-head><mj-title>${escapeHtml(`${brief.workspace} — ${brief.week}`)}</mj-title>
<mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif"/><mj-text padding="4px 16px" color="#222"/><mj-table padding="4px 16px"/></mj-attributes>
<mj-style>.boxoffice table, .stats table, .sentiment table, .interest table { width:100% !important; } img { max-width:100%; height:auto; }</mj-style></mj-head>
<mj-body width="600px" background-color="#f3f4f6"><mj-wrapper background-color="#ffffff" padding="0">
${header}
${section('The brief', statsTable(brief) + narrative(brief, l))}
${section('Competitor moves', competitorMoves(brief, l))}
${brief.sentiment ? section('Tone of coverage', tone(brief)) : ''}
${section('Release calendar', calendar(brief, l))}
${section('Box office', boxOffice(brief))}
${brief.interest ? section('Audience interest', interestMjml(brief.interest)) : ''}
</mj-wrapper></mj-body></mjml>`;
}
