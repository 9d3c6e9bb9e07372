// Block Kit builder for alerts: escaped web text, links to every outlet, and a payload always within Slack's limits.
import { briefId } from '../../assist/counter-briefs.js';
import { flagLink } from '../../feedback/flag-links.js';
import type { ChatBlock, ChatMessage, ChatText } from '../../ports/chat.js';
import type { Alert, AlertKind } from './alert-rules.js';

/** Slack's Block Kit limits (https://api.slack.com/reference/block-kit/blocks), in UTF-16 code units. */
export const LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  fallbackText: 40_000,
} as const;

/** A grouped message carries at most this many alerts (3 blocks each + a header stays far under 50). */
export const MAX_ALERTS_PER_MESSAGE = 12;

const LABEL: Record<AlertKind, { emoji: string; name: string }> = {
  collision: { emoji: '🚨', name: 'Collision with the slate' },
  competitor_release: { emoji: '📅', name: 'Competitor release date' },
  boxoffice_surprise: { emoji: '📈', name: 'Box-office surprise' },
  interest_over_comps: { emoji: '📣', name: 'Audience interest above comps' },
  acquisition: { emoji: '🤝', name: 'Competitor acquisition' },
  greenlight: { emoji: '🟢', name: 'Competitor greenlight' },
  trailer: { emoji: '🎬', name: 'Competitor trailer' },
};

// Control characters other than newline and tab, and bidi overrides that could disguise text.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes web text for Slack mrkdwn: &, < and > become entities, so `<!channel>`, `<@U123>`,
 * `<#C123>` and `<url|label>` in a title are shown as text and never notify or link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(CONTROL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Web text on one line (headlines, labels). */
function oneLine(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Cuts a string to `max` UTF-16 units with an ellipsis, never inside a surrogate pair. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Cuts escaped mrkdwn to `max` with an ellipsis, never inside an entity (`&amp;`), a link
 * (`<url|label>`) or a surrogate pair, so the result is still valid mrkdwn.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** An http(s) URL made safe inside `<…|…>`: its own &, <, >, | and spaces cannot end the link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let href: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    href = u.href;
  } catch {
    return null;
  }
  if (href.length > 2000) return null;
  return href.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C').replace(/ /g, '%20');
}

/** A mrkdwn link with an escaped label, or the escaped label alone when the URL is unusable. */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const href = safeUrl(url);
  const text = escapeMrkdwn(truncatePlain(oneLine(label), 200));
  return href ? `<${href}|${text}>` : text;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-12-11" → "Dec 11, 2026"; "2027-03" → "Mar 2027"; "2027" stays. */
export function formatDate(date: string | null): string {
  if (!date) return 'none';
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
}

function formatTime(iso: string, timeZone: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(t);
}

function money(n: number): string {
  return n >= 1e6 ? `$${(n / 1e6).toFixed(1)}M` : `$${Math.round(n).toLocaleString('en-US')}`;
}

/** The header line of one alert (plain text: Slack does not parse mentions or links there). */
export function alertHeadline(a: Alert): string {
  const who = a.studio ? ` (${oneLine(a.studio)})` : '';
  switch (a.kind) {
    case 'collision':
      return `${oneLine(a.title)}${who} vs ${a.collisions.map((c) => oneLine(c.slateTitle)).join(', ')}`;
    case 'competitor_release':
      if (a.change?.to) return `${oneLine(a.title)}${who} ${a.eventType === 'release_moved' ? 'moves to' : 'dated'} ${formatDate(a.change.to)}`;
      return `${oneLine(a.title)}${who} ${a.eventType === 'release_moved' ? 'off the calendar' : 'dated (no date given)'}`;
    case 'boxoffice_surprise':
      return `${oneLine(a.title)}${who} ${a.surprise?.direction === 'below' ? 'opened far below' : 'opened far above'} comparable openings`;
    case 'interest_over_comps':
      return a.interest ? `${oneLine(a.title)}${who}: ${oneLine(a.interest.label)} at ${a.interest.ratio}× comps` : `${oneLine(a.title)}${who}`;
    default:
      return `${oneLine(a.title)}${who}`;
  }
}

/** The mrkdwn body of one alert: what changed, old → new date, the slate title it collides with. */
function alertBody(a: Alert, withHeadline: boolean): string {
  const label = LABEL[a.kind];
  const lines: string[] = [];
  if (withHeadline) lines.push(`${label.emoji} *${escapeMrkdwn(truncatePlain(alertHeadline(a), 300))}*`);
  const story = a.link ? mrkdwnLink(a.link.url, a.headline) : escapeMrkdwn(truncatePlain(oneLine(a.headline), 300));
  lines.push(`*${label.name}:* ${story}`);
  // The analyst's summary often restates the headline (other quotes, other case): show it only when it adds something.
  const plain = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (a.summary && plain(a.summary) !== plain(a.headline)) lines.push(escapeMrkdwn(truncatePlain(oneLine(a.summary), 600)));
  if (a.change && (a.change.from || a.change.to)) {
    const to = a.change.to ? formatDate(a.change.to) : a.eventType === 'release_moved' ? 'off the calendar' : 'not given';
    lines.push(`*Date:* ${a.change.from ? `${formatDate(a.change.from)} → ` : ''}${to}`);
  }
  for (const c of a.collisions) {
    const when = c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart';
    const genres = c.genreOverlap.length ? `, both ${escapeMrkdwn(c.genreOverlap.join('/'))}` : '';
    lines.push(`*Collides with:* _${escapeMrkdwn(oneLine(c.slateTitle))}_ (${formatDate(c.slateDate)}): ${when}${genres}`);
  }
  if (a.surprise) {
    const s = a.surprise;
    lines.push(
      `*Opening:* ${money(s.gross)}${s.theaters ? ` at ${s.theaters.toLocaleString('en-US')} theaters (${money(s.perTheater)} per theater)` : ''}, ` +
        `*${s.ratio}×* the median of ${s.comparables} comparable openings (${money(s.comparableMedian)})`,
    );
  }
  return truncateMrkdwn(lines.join('\n'), LIMITS.sectionText);
}

function alertContext(a: Alert, timeZone: string, links?: AlertLinks): ChatBlock {
  const elements: ChatText[] = [];
  if (links) {
    // Our own links: the drafted counter-programming brief for each slate collision, and "flag as wrong" (signed, no login).
    const parts = a.collisions.map((c) =>
      mrkdwnLink(`${links.publicUrl.replace(/\/+$/, '')}/#brief=${briefId({ slateTitle: c.slateTitle, competitorTitle: a.title, competitorDate: c.competitorDate })}`, `Brief: ${truncatePlain(oneLine(c.slateTitle), 60)}`),
    );
    if (a.eventId) parts.push(mrkdwnLink(flagLink(links.publicUrl, links.linkSecret, { kind: 'alert', id: a.eventId }, 'slack', links.now), 'Flag as wrong'));
    if (parts.length) elements.push({ type: 'mrkdwn', text: truncateMrkdwn(parts.join(' · '), LIMITS.contextText) });
  }
  if (a.alsoIn.length) {
    const parts = a.alsoIn.map((l) => mrkdwnLink(l.url, l.source));
    elements.push({ type: 'mrkdwn', text: truncateMrkdwn(`Also in: ${parts.join(' · ')}`, LIMITS.contextText) });
  }
  const from = a.link ? `first in ${escapeMrkdwn(truncatePlain(oneLine(a.link.source), 100))} · ` : '';
  elements.push({ type: 'mrkdwn', text: `${from}${formatTime(a.at, timeZone)}` });
  return { type: 'context', elements: elements.slice(0, LIMITS.contextElements) };
}

/** The one-line, plain-text summary of an alert (logs, the local alerts file). */
export function alertSummary(a: Alert): string {
  return `${LABEL[a.kind].name}: ${alertHeadline(a)}`;
}

/** Where people reach the web page, and the secret that signs "flag as wrong" links. */
export interface AlertLinks {
  publicUrl: string;
  linkSecret: string;
  now: Date;
}

export interface BuildOptions {
  timeZone?: string;
  links?: AlertLinks;
  /** An earlier attempt got no answer and may have been posted: the message says it may be a repeat. */
  resent?: boolean;
}

/** The closing line of a message sent again after an unknown outcome. */
export const RESENT_NOTE = '_Sent again: an earlier attempt got no answer from Slack and may also have been posted._';

/**
 * One Slack message for one alert or a burst of them. One alert: a header, its body and its
 * sources; a burst: a header counting them, then body + sources per alert with dividers.
 */
export function buildAlertMessage(alerts: Alert[], options: BuildOptions = {}): ChatMessage {
  if (alerts.length === 0) throw new Error('buildAlertMessage needs at least one alert');
  const tz = options.timeZone ?? 'UTC';
  const blocks: ChatBlock[] = [];
  let shown = alerts;
  if (alerts.length === 1) {
    const a = alerts[0]!;
    blocks.push({ type: 'header', text: { type: 'plain_text', text: truncatePlain(`${LABEL[a.kind].emoji} ${alertHeadline(a)}`, LIMITS.headerText), emoji: true } });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: alertBody(a, false) } });
    blocks.push(alertContext(a, tz, options.links));
  } else {
    const collisions = alerts.filter((a) => a.kind === 'collision').length;
    const title = `${collisions ? '🚨' : '📣'} ${alerts.length} competitive alerts${collisions ? `, ${collisions} ${collisions === 1 ? 'collision' : 'collisions'} with the slate` : ''}`;
    blocks.push({ type: 'header', text: { type: 'plain_text', text: truncatePlain(title, LIMITS.headerText), emoji: true } });
    // Room for 3 blocks per alert; what does not fit is counted in a closing line (never an invalid payload).
    const room = Math.floor((LIMITS.blocksPerMessage - 2) / 3);
    shown = alerts.slice(0, room);
    shown.forEach((a, i) => {
      if (i > 0) blocks.push({ type: 'divider' });
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: alertBody(a, true) } });
      blocks.push(alertContext(a, tz, options.links));
    });
    if (shown.length < alerts.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${alerts.length - shown.length} more` }] });
  }
  // At most 49 blocks above (header, 16 × 3 - 1, "…and N more"): the note keeps the message within 50.
  if (options.resent) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: RESENT_NOTE }] });
  const fallback = alerts.map((a) => `${LABEL[a.kind].emoji} ${escapeMrkdwn(truncatePlain(alertSummary(a), 300))}`).join('\n');
  return {
    text: truncateMrkdwn(fallback, LIMITS.fallbackText),
    blocks,
    alerts: alerts.map((a) => ({ key: a.id, kind: a.kind, title: a.title, summary: alertSummary(a) })),
  };
}

// A mrkdwn text may hold only entities and our own http(s) links: any other `<…>` or bare `&` is a mistake.
const ALLOWED_ANGLE = /<https?:\/\/[^\s<>|]+\|[^<>]*>/g;
const BARE_AMP = /&(?!(amp|lt|gt);)/;

function checkMrkdwn(where: string, text: string, problems: string[]): void {
  const rest = text.replace(ALLOWED_ANGLE, '');
  if (/[<>]/.test(rest)) problems.push(`${where}: unescaped < or > (a mention or link from the web?)`);
  const labels = [...text.matchAll(ALLOWED_ANGLE)].map((m) => m[0]);
  if (labels.some((l) => /<[!@#]/.test(l))) problems.push(`${where}: a mention inside a link`);
  if (BARE_AMP.test(text.replace(/&(amp|lt|gt);/g, ''))) problems.push(`${where}: unescaped &`);
}

function checkText(where: string, t: ChatText | undefined, max: number, problems: string[]): void {
  if (!t || (t.type !== 'mrkdwn' && t.type !== 'plain_text')) return void problems.push(`${where}: missing or unknown text object`);
  if (!t.text) problems.push(`${where}: empty text`);
  if (t.text.length > max) problems.push(`${where}: ${t.text.length} chars (max ${max})`);
  if (t.type === 'mrkdwn') checkMrkdwn(where, t.text, problems);
}

/**
 * Checks a message against the Block Kit limits and the escaping rules; returns the problems
 * (empty when the payload is valid). The tests run every built message through it.
 */
export function validateBlocks(message: Pick<ChatMessage, 'text' | 'blocks'>): string[] {
  const problems: string[] = [];
  if (!message.text) problems.push('text: empty fallback text');
  if (message.text.length > LIMITS.fallbackText) problems.push(`text: ${message.text.length} chars (max ${LIMITS.fallbackText})`);
  checkMrkdwn('text', message.text, problems);
  if (message.blocks.length === 0) problems.push('blocks: none');
  if (message.blocks.length > LIMITS.blocksPerMessage) problems.push(`blocks: ${message.blocks.length} (max ${LIMITS.blocksPerMessage})`);
  message.blocks.forEach((b, i) => {
    const where = `blocks[${i}] ${b.type}`;
    switch (b.type) {
      case 'header':
        if (b.text?.type !== 'plain_text') problems.push(`${where}: header text must be plain_text`);
        checkText(where, b.text, LIMITS.headerText, problems);
        break;
      case 'section':
        checkText(where, b.text, LIMITS.sectionText, problems);
        if (b.fields && b.fields.length > LIMITS.sectionFields) problems.push(`${where}: ${b.fields.length} fields (max ${LIMITS.sectionFields})`);
        b.fields?.forEach((f, j) => checkText(`${where} field ${j}`, f, LIMITS.fieldText, problems));
        break;
      case 'context':
        if (!b.elements?.length || b.elements.length > LIMITS.contextElements) problems.push(`${where}: ${b.elements?.length ?? 0} elements (1 to ${LIMITS.contextElements})`);
        b.elements?.forEach((e, j) => checkText(`${where} element ${j}`, e, LIMITS.contextText, problems));
        break;
      case 'divider':
        break;
      default:
        problems.push(`${where}: unknown block type`);
    }
  });
  return problems;
}
