// The embedded reader's answer to "how is <title>'s trailer doing?": the latest trailer against comps at the same
// milestone, page views against comps, the opening forecast or its score — each figure citing the video or the
// page-view series it comes from.
import type { InterestSignal, TitleInterest } from '../model/interest.js';
import type { InterestStore } from '../ports/interest-store.js';
import type { AskResponse, Citation } from '../query/schemas.js';
import { titleKey } from '../util/text.js';
import { absoluteHttpUrl } from '../util/url.js';
import { formatMoney } from './forecast.js';
import { orderTitles } from './interest-view.js';

type Answer = Pick<AskResponse, 'answer' | 'citations' | 'events'>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (d: string) => `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}, ${d.slice(0, 4)}`;
const views = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${Math.round(n / 1e3)}K` : String(n));
const compList = (s: InterestSignal) => s.comps.map((c) => `${c.title} ${views(c.value)}`).join(', ');

class Cites {
  readonly list: Citation[] = [];
  add(c: Omit<Citation, 'n'>): string {
    const known = this.list.find((x) => x.url === c.url && x.title === c.title);
    if (known) return `[${known.n}]`;
    const n = this.list.length + 1;
    this.list.push({ n, ...c });
    return `[${n}]`;
  }
}

function videoSentence(s: InterestSignal, subject: string, cites: Cites): string {
  const [what, when] = s.label.split(' at ');
  const mark = s.videoUrl ? ` ${cites.add({ itemId: null, url: absoluteHttpUrl(s.videoUrl), title: s.videoTitle ?? `${subject} ${what}`, source: 'YouTube channel feed', publishedAt: null })}` : '';
  return `its ${what} has ${views(s.value)} views at ${when}, ${s.ratio}× the median of ${s.comps.length} comparable ${s.comps.length === 1 ? 'title' : 'titles'} at the same point (${compList(s)})${mark}`;
}

async function titleLines(t: TitleInterest, interest: Pick<InterestStore, 'titleArticles'>, cites: Cites): Promise<string[]> {
  const who = [t.distributor, t.releaseDate ? `${t.releaseDate.length === 10 ? 'dated' : 'due'} ${day(t.releaseDate)}` : null].filter(Boolean).join(', ');
  const head = `${t.title}${who ? ` (${who})` : ''}`;
  const lines: string[] = [];
  if (t.headline) lines.push(`${head}: ${videoSentence(t.headline, t.title, cites)}.`);
  else lines.push(`${head}: no trailer of it has enough comparable trailers to compare with yet${t.videos ? ` (${t.videos} video${t.videos === 1 ? '' : 's'} tracked)` : ''}.`);
  if (t.trailer && t.headline && (t.trailer.videoTitle !== t.headline.videoTitle || t.trailer.milestone !== t.headline.milestone)) lines.push(`Its ${videoSentence(t.trailer, t.title, cites).replace(/^its /, '')}.`);
  if (t.pageviews) {
    const articles = await interest.titleArticles(t.titleKey);
    const marks = articles.map((a) => cites.add({ itemId: null, url: absoluteHttpUrl(a.url), title: `Wikipedia page views: ${a.article.replace(/_/g, ' ')}`, source: 'Wikimedia REST API', publishedAt: null })).join('');
    lines.push(`Wikipedia page views: ${views(t.pageviews.value)} a day in the ${t.pageviews.label.replace(/^page views a day, /, '')}, ${t.pageviews.ratio}× comps as many days before their openings (${compList(t.pageviews)})${marks ? ` ${marks}` : ''}.`);
  }
  if (t.score) {
    const s = t.score;
    lines.push(`It opened to ${formatMoney(s.actual.gross)} on ${day(s.actual.start)}; the forecast made ${day(s.forecast.madeAt.slice(0, 10))} said ${formatMoney(s.forecast.mid)} (${formatMoney(s.forecast.low)}–${formatMoney(s.forecast.high)}): ${s.error > 0 ? '+' : ''}${Math.round(s.error * 100)}%.`);
  } else if (t.forecast) {
    const f = t.forecast;
    lines.push(`Opening forecast: ${formatMoney(f.mid)} (${formatMoney(f.low)}–${formatMoney(f.high)}, ${f.confidence} confidence), from ${f.comps.map((c) => `${c.title} ${formatMoney(c.opening)}`).join(', ')}.`);
  }
  return lines;
}

/** Answers an interest question about the named titles, or about every title dated ahead when none is named. */
export async function interestAnswer(interest: Pick<InterestStore, 'getTitleInterest' | 'titleInterests' | 'titleArticles'>, titles: string[], today: string): Promise<Answer> {
  const cites = new Cites();
  const lines: string[] = [];
  if (titles.length) {
    for (const title of titles.slice(0, 3)) {
      const t = await interest.getTitleInterest(titleKey(title));
      if (!t || (!t.headline && !t.pageviews && !t.videos)) lines.push(`I have no trailer views or page views of ${title} in the store.`);
      else lines.push(...(await titleLines(t, interest, cites)));
    }
    return { answer: lines.join('\n'), citations: cites.list, events: [] };
  }
  const ahead = orderTitles(await interest.titleInterests(), today).filter((t) => t.releaseDate && t.releaseDate >= today && t.headline);
  if (!ahead.length) return { answer: 'No title dated ahead has trailer figures to compare with comps yet.', citations: [], events: [] };
  lines.push(`Trailers of titles dated ahead, against comparable titles at the same point:`);
  for (const t of [...ahead].sort((a, b) => b.headline!.ratio - a.headline!.ratio).slice(0, 6)) {
    const s = t.headline!;
    const mark = s.videoUrl ? ` ${cites.add({ itemId: null, url: absoluteHttpUrl(s.videoUrl), title: s.videoTitle ?? t.title, source: 'YouTube channel feed', publishedAt: null })}` : '';
    lines.push(`${t.title}${t.isSlate ? ' (ours)' : t.distributor ? ` (${t.distributor})` : ''}, ${day(t.releaseDate!)}: ${s.label}, ${views(s.value)} views, ${s.ratio}× comps${mark}.`);
  }
  return { answer: lines.join('\n'), citations: cites.list, events: [] };
}
