// Backtest of the opening forecast over the openings in the stored charts: each forecast as of `daysBefore` days
// before the opening, from the interest figures known by then, against the actual opening; beside the comps' median
// opening alone (what the interest adjustment adds or costs).
import type { OpeningForecast } from '../model/interest.js';
import type { Workspace } from '../model/workspace.js';
import type { ReleaseStore } from '../ports/analysis-store.js';
import type { InterestReader } from '../ports/interest-store.js';
import type { ChartStore } from '../ports/store.js';
import { forecastOpening } from './forecast.js';
import { addDaysIso, median } from './series.js';
import { TitleDataLoader } from './title-data.js';
import { titleSignals } from './title-interest.js';
import { trackedTitles } from './tracked-titles.js';

/**
 * leave-one-out: every other opening is a possible comp, also those that opened after the title (their openings are
 * known to the backtest, not to a forecaster at the time); time-ordered: only openings before the forecast date,
 * and only interest recorded by then — what a forecaster would really have had.
 */
export type BacktestMode = 'leave-one-out' | 'time-ordered';

export interface BacktestRow {
  title: string;
  opened: string;
  actual: number;
  theaters: number | null;
  forecast: OpeningForecast | null;
  /** Why there is no forecast. */
  reason: string | null;
  /** The median opening of the same comps, unadjusted. */
  baseline: number | null;
  /** |mid - actual| / actual. */
  ape: number | null;
  baselineApe: number | null;
  inRange: boolean | null;
}

export interface BacktestResult {
  mode: BacktestMode;
  daysBefore: number;
  rows: BacktestRow[];
  /** Median absolute percentage error over the openings with a forecast (null without any). */
  mape: number | null;
  baselineMape: number | null;
  forecasts: number;
  openings: number;
  inRange: number;
}

/** Runs the backtest over every opening of the stored weekend charts. */
export async function backtestForecasts(
  workspace: Pick<Workspace, 'slate' | 'studio' | 'interest'>,
  deps: { interest: InterestReader; analysis: Pick<ReleaseStore, 'releasesBetween'>; store: ChartStore },
  options: { mode: BacktestMode; daysBefore: number; today: string },
): Promise<BacktestResult> {
  const tracked = await trackedTitles(workspace, deps, options.today);
  const loader = new TitleDataLoader(deps.interest);
  const min = workspace.interest.minComps;
  const rows: BacktestRow[] = [];
  const opened = [...tracked.values()].filter((t) => t.opening).sort((a, b) => a.opening!.start.localeCompare(b.opening!.start) || a.title.localeCompare(b.title));
  for (const t of opened) {
    const start = t.opening!.start;
    const asOfDay = addDaysIso(start, -options.daysBefore);
    const cutoff = `${asOfDay}T20:00:00.000Z`;
    const timeOrdered = options.mode === 'time-ordered';
    const target = { ...t, releaseDate: start };
    const s = await titleSignals(target, tracked.values(), loader, { min, cutoff, compCutoff: timeOrdered ? cutoff : undefined, before: timeOrdered ? asOfDay : undefined });
    const out = forecastOpening(target, [s.trailer, s.pageviews].filter((x) => x !== null), { madeAt: cutoff, asOf: asOfDay, minComps: min });
    const actual = t.opening!.gross;
    if ('reason' in out) {
      rows.push({ title: t.title, opened: start, actual, theaters: t.opening!.theaters, forecast: null, reason: out.reason, baseline: null, ape: null, baselineApe: null, inRange: null });
      continue;
    }
    const f = out.forecast;
    const baseline = median(f.comps.map((c) => c.opening));
    rows.push({
      title: t.title,
      opened: start,
      actual,
      theaters: t.opening!.theaters,
      forecast: f,
      reason: null,
      baseline,
      ape: Math.abs(f.mid - actual) / actual,
      baselineApe: Math.abs(baseline - actual) / actual,
      inRange: actual >= f.low && actual <= f.high,
    });
  }
  const scored = rows.filter((r) => r.ape !== null);
  return {
    mode: options.mode,
    daysBefore: options.daysBefore,
    rows,
    mape: scored.length ? median(scored.map((r) => r.ape!)) : null,
    baselineMape: scored.length ? median(scored.map((r) => r.baselineApe!)) : null,
    forecasts: scored.length,
    openings: rows.length,
    inRange: scored.filter((r) => r.inRange).length,
  };
}
