// The run summary's interest lines and JSON section: videos and articles, the competitor titles running above their
// comps, the opening forecasts (and why a title has none), and forecasts scored against actual openings.
import type { InterestReport } from '../../../shared/interest/update-interest.js';
import { formatMoney } from '../../../shared/interest/forecast.js';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'none yet');

/** Human lines for `marquee run` / `npm start`. */
export function formatInterestSummary(r: InterestReport, threshold: number): string[] {
  const titles = new Set(r.titles.filter((t) => t.videos > 0).map((t) => t.titleKey)).size;
  const articles = r.titles.filter((t) => t.pageviewsLast7 !== null).length;
  const lines = [
    `  interest    ${r.videos} videos (${r.linked} linked to ${titles} titles${r.newlyLinked ? `, ${r.newlyLinked} newly` : ''}), page views for ${articles} titles; counts to ${when(r.latestObservationAt)}, page views to ${r.latestPageviewDay ?? 'none yet'}`,
  ];
  const hot = r.titles
    .filter((t) => !t.isSlate && t.headline && t.headline.ratio >= threshold && t.releaseDate && t.releaseDate > r.today)
    .sort((a, b) => b.headline!.ratio - a.headline!.ratio);
  for (const t of hot.slice(0, 4)) {
    lines.push(`              ${t.title} (${t.distributor ?? 'unknown'}, ${t.releaseDate}): ${t.headline!.label} ${t.headline!.ratio}× comps (${t.headline!.comps.map((c) => c.title).join(', ')})`);
  }
  r.forecasts.forEach((f, i) => {
    lines.push(`  ${i === 0 ? 'forecasts' : '         '}   ${f.title} (${f.releaseDate}): ${formatMoney(f.mid)} opening (${formatMoney(f.low)}–${formatMoney(f.high)}), ${f.confidence} confidence; comps ${f.comps.map((c) => c.title).join(', ')}`);
  });
  for (const n of r.notForecast) lines.push(`              no forecast for ${n.title} (${n.releaseDate}): ${n.reason}`);
  for (const s of r.scored) {
    lines.push(`  scored      ${s.title}: forecast ${formatMoney(s.forecast.mid)} (${formatMoney(s.forecast.low)}–${formatMoney(s.forecast.high)}, made ${s.forecast.madeAt.slice(0, 10)}), opened to ${formatMoney(s.actual.gross)}: ${s.error > 0 ? '+' : ''}${Math.round(s.error * 100)}%${s.inRange ? ', inside the range' : ''}`);
  }
  return lines;
}

/** The `interest` section of `run --json`. */
export function interestJson(r: InterestReport | null) {
  if (!r) return null;
  return {
    videos: r.videos,
    linked: r.linked,
    newlyLinked: r.newlyLinked,
    latestObservationAt: r.latestObservationAt,
    latestPageviewDay: r.latestPageviewDay,
    titles: r.titles.map((t) => ({ title: t.title, releaseDate: t.releaseDate, headline: t.headline && { label: t.headline.label, value: t.headline.value, ratio: t.headline.ratio, comps: t.headline.comps.map((c) => c.title) }, pageviewsLast7: t.pageviewsLast7 })),
    forecasts: r.forecasts.map((f) => ({ title: f.title, releaseDate: f.releaseDate, low: f.low, mid: f.mid, high: f.high, confidence: f.confidence, comps: f.comps.map((c) => c.title) })),
    notForecast: r.notForecast,
    scored: r.scored.map((s) => ({ title: s.title, forecast: s.forecast.mid, actual: s.actual.gross, error: s.error, inRange: s.inRange })),
  };
}
