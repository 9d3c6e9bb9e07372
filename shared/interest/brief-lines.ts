// Audience-interest lines for a counter-programming brief: their latest trailer against its comps, ours, and the
// opening forecasts of both titles when there are any — computed figures, read from the last interest step.
import type { InterestSignal, TitleInterest } from '../model/interest.js';
import type { InterestSummaryStore } from '../ports/interest-store.js';
import { titleKey } from '../util/text.js';
import { formatMoney } from './forecast.js';

const views = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${Math.round(n / 1e3)}K` : String(n));

/** "trailer at day 3" + 2.06 → "trailer is at 2.06× comps at day 3". */
function phrase(s: InterestSignal): string {
  if (s.metric === 'page_views') return `page views run at ${s.ratio}× comps (${views(s.value)} a day in the ${s.label.replace(/^page views a day, /, '')})`;
  const [what, when] = s.label.split(' at ');
  return `${what} is at ${s.ratio}× comps at ${when} (${views(s.value)} views; comps ${s.comps.map((c) => c.title).join(', ')})`;
}

function forecastText(t: TitleInterest): string | null {
  const f = t.forecast;
  return f ? `${t.title} ${formatMoney(f.mid)} (${formatMoney(f.low)}–${formatMoney(f.high)}, ${f.confidence} confidence)` : null;
}

/** The lines, or none when neither title has interest figures. */
export async function briefInterestLines(store: Pick<InterestSummaryStore, 'getTitleInterest'>, c: { slateTitle: string; competitorTitle: string }): Promise<string[]> {
  const [theirs, ours] = await Promise.all([store.getTitleInterest(titleKey(c.competitorTitle)), store.getTitleInterest(titleKey(c.slateTitle))]);
  const lines: string[] = [];
  if (theirs?.headline) lines.push(`Their ${phrase(theirs.headline)}.`);
  else if (theirs?.pageviews) lines.push(`Their ${phrase(theirs.pageviews)}.`);
  const oursSignals = [ours?.headline, ours?.pageviews].filter((s): s is InterestSignal => !!s);
  if (oursSignals.length) lines.push(`Ours (${c.slateTitle}): ${oursSignals.map((s) => `${s.label} ${s.ratio}× comps`).join('; ')}.`);
  const forecasts = [theirs, ours].flatMap((t) => (t ? [forecastText(t)] : [])).filter((x): x is string => !!x);
  if (forecasts.length) lines.push(`Opening forecast${forecasts.length > 1 ? 's' : ''}: ${forecasts.join(' vs ')}.`);
  return lines;
}
