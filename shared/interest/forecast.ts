// Opening-weekend forecast: each comparable opening scaled by the title's interest relative to that comp, damped
// (interest does not turn into tickets one for one), the middle half of those estimates as the range, the comps
// named, and a confidence that says how much to trust it.
import type { ForecastComp, OpeningForecast } from '../model/interest.js';
import { median, quantile, round2 } from './series.js';
import type { SignalResult } from './signals.js';
import type { TrackedTitle } from './tracked-titles.js';

export const FORECAST_METHOD = 'comps-interest-1';
/** Opening ∝ interest^0.8: chosen before looking at the demo's backtest, not fitted to it. */
export const ELASTICITY = 0.8;

const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const toTenth = (n: number) => Math.round(n / 1e5) * 1e5;

/** Forecast id: one per title and day made. */
export function forecastId(titleKey: string, madeAt: string): string {
  return `fc_${titleKey.replace(/\s+/g, '-')}_${madeAt.slice(0, 10)}`;
}

/**
 * The forecast from the signals the title has (first trailer, page views): null with the reason when fewer than
 * `minComps` comparable openings carry a signal.
 */
export function forecastOpening(
  target: TrackedTitle,
  signals: SignalResult[],
  context: { madeAt: string; asOf: string; minComps: number },
): { forecast: OpeningForecast } | { reason: string } {
  if (!target.releaseDate) return { reason: 'no release date' };
  if (signals.length === 0) return { reason: `no trailer or page-view figure with ${context.minComps} comparable openings yet` };
  const comps = new Map<string, { c: SignalResult['comps'][number]; ratios: number[] }>();
  for (const s of signals) {
    for (const c of s.comps) {
      const mine = s.values.get(c.title.key);
      if (!c.title.opening || mine === undefined || mine <= 0) continue;
      const entry = comps.get(c.title.key) ?? { c, ratios: [] };
      entry.ratios.push(s.target / mine);
      comps.set(c.title.key, entry);
    }
  }
  // A comp without one of the signals is scaled by that signal's ratio to the median instead.
  for (const entry of comps.values()) {
    for (const s of signals) if (!s.values.has(entry.c.title.key)) entry.ratios.push(s.target / s.signal.compsMedian);
  }
  if (comps.size < context.minComps) return { reason: `${comps.size} comparable opening${comps.size === 1 ? '' : 's'} with interest figures (needs ${context.minComps})` };
  const list: ForecastComp[] = [...comps.values()].map(({ c, ratios }) => ({
    title: c.title.title,
    distributor: c.title.distributor,
    opened: c.title.opening!.start,
    opening: c.title.opening!.gross,
    theaters: c.title.opening!.theaters,
    genres: c.title.genres,
    genreMatch: c.sharedGenres.length > 0,
    estimate: toTenth(c.title.opening!.gross * geomean(ratios) ** ELASTICITY),
  }));
  const estimates = list.map((c) => c.estimate);
  const mid = median(estimates);
  const low = Math.min(quantile(estimates, 0.25), mid * 0.8);
  const high = Math.max(quantile(estimates, 0.75), mid * 1.25);
  const spread = high / low;
  const matched = list.filter((c) => c.genreMatch).length;
  const relaxed = signals.some((s) => s.relaxed);
  const notes = [
    `${signals.length} signal${signals.length === 1 ? '' : 's'}: ${signals.map((s) => `${s.signal.label} ${s.signal.ratio}× comps`).join('; ')}`,
    `${list.length} comparable openings, ${matched} sharing a genre${relaxed ? ' (widened to the same width where too few share one)' : ''}`,
    `estimates from ${formatMoney(Math.min(...estimates))} to ${formatMoney(Math.max(...estimates))}; range ${round2(spread)}× wide`,
  ];
  const confidence: OpeningForecast['confidence'] =
    matched === 0 || spread > 3 ? 'low' : signals.length >= 2 && list.length >= 4 && matched >= 3 && spread <= 1.8 ? 'high' : 'medium';
  return {
    forecast: {
      id: forecastId(target.key, context.madeAt),
      title: target.title,
      titleKey: target.key,
      distributor: target.distributor,
      releaseDate: target.releaseDate,
      isSlate: target.isSlate,
      width: target.width,
      genres: target.genres,
      madeAt: context.madeAt,
      asOf: context.asOf,
      low: toTenth(low),
      mid: toTenth(mid),
      high: toTenth(high),
      confidence,
      relativeInterest: round2(geomean(signals.map((s) => s.signal.ratio))),
      signals: signals.map((s) => s.signal),
      comps: list.sort((a, b) => Number(b.genreMatch) - Number(a.genreMatch) || b.opening - a.opening),
      notes,
      method: FORECAST_METHOD,
    },
  };
}

/** "$38.2M", "$850K". */
export function formatMoney(n: number): string {
  if (Math.abs(n) >= 1e9) return `$${(n / 1e9).toFixed(2)}B`;
  if (Math.abs(n) >= 1e6) return `$${(n / 1e6).toFixed(1)}M`;
  if (Math.abs(n) >= 1e3) return `$${Math.round(n / 1e3)}K`;
  return `$${Math.round(n)}`;
}
