// Use-case: box-office surprise candidates for the alerts, durable until sent (recomputed from the latest chart every run, plus pending markers).
import { latestSurprises, type ChartSurprise, type SurpriseMemo } from '../../analysis/boxoffice-series.js';
import type { PendingAlertStore } from '../../ports/analysis-store.js';
import type { ChartStore } from '../../ports/store.js';
import { addDays } from '../../util/week.js';
import { surpriseAlertId } from './alert-rules.js';
import type { AlertsReport } from './send-alerts.js';

/** A surprise not sent within three weeks of its weekend is no longer news: its marker is dropped. */
export const PENDING_SURPRISE_DAYS = 21;

/**
 * The surprises to alert on this run: those of the latest weekend chart, computed every run (not
 * only when this run stored chart rows, so a run that died or failed to post leaves them to the
 * next), plus the pending ones an earlier run found and has not sent (a newer chart may have
 * replaced theirs). New ones get a pending marker before any alert is attempted.
 */
export async function surpriseCandidates(
  deps: { store: ChartStore; pending: PendingAlertStore; memo?: SurpriseMemo },
  now: Date,
): Promise<{ surprises: ChartSurprise[]; latest: ChartSurprise[] }> {
  const latest = await latestSurprises(deps.store, deps.memo);
  const pending = await deps.pending.listPendingSurprises();
  const known = new Set(pending.map(surpriseAlertId));
  const fresh = latest.filter((s) => !known.has(surpriseAlertId(s)));
  if (fresh.length) await deps.pending.putPendingSurprises(fresh);
  const oldest = addDays(now.toISOString().slice(0, 10), -PENDING_SURPRISE_DAYS);
  const stale = pending.filter((s) => s.start < oldest);
  if (stale.length) await deps.pending.clearPendingSurprises(stale);
  const out = new Map<string, ChartSurprise>();
  for (const s of [...pending.filter((p) => p.start >= oldest), ...latest]) out.set(surpriseAlertId(s), s);
  return { surprises: [...out.values()], latest };
}

/**
 * After the alerts: drops the markers of surprises now done in the ledger (sent, or sent before),
 * except the latest chart's own, which every run recomputes anyway (keeping them avoids rewriting them each run).
 */
export async function settleSurprises(pending: PendingAlertStore, report: AlertsReport, candidates: { surprises: ChartSurprise[]; latest: ChartSurprise[] }): Promise<void> {
  const { surprises, latest } = candidates;
  const done = new Set(report.alerts.filter((a) => a.kind === 'boxoffice_surprise' && (a.status === 'sent' || a.status === 'already_sent')).map((a) => a.id));
  const keep = new Set(latest.map(surpriseAlertId));
  const settled = surprises.filter((s) => done.has(surpriseAlertId(s)) && !keep.has(surpriseAlertId(s)));
  if (settled.length) await pending.clearPendingSurprises(settled);
}
