// The interest alert rule: a competitor title dated near one of ours whose latest trailer runs at `threshold`× its
// comps or more. One alert per title and threshold (the id carries both; the ledger sends it once).
import type { Alert } from '../delivery/alerts/alert-rules.js';
import { KIND_PRIORITY } from '../delivery/alerts/alert-rules.js';
import type { TitleInterest } from '../model/interest.js';
import type { Workspace } from '../model/workspace.js';
import { formatMoney } from './forecast.js';
import { weekendsApart } from '../util/week.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (d: string) => `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}, ${d.slice(0, 4)}`;
const views = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${Math.round(n / 1e3)}K` : String(n));

/** The alert id: `interest:<title slug>:<threshold>` (a higher threshold set later alerts again). */
export function interestAlertId(titleKey: string, threshold: number): string {
  return `interest:${titleKey.replace(/\s+/g, '-')}:${threshold}`;
}

/** Interest alerts for the titles the last interest step summarized (`today`: the workspace's date). */
export function interestAlerts(workspace: Pick<Workspace, 'slate' | 'alerts'>, titles: TitleInterest[], today: string, now: Date): Alert[] {
  const { threshold, weekendsApart: near } = workspace.alerts.interest;
  const out: Alert[] = [];
  for (const t of titles) {
    const s = t.headline;
    if (t.isSlate || !s || s.metric !== 'trailer_views' || s.ratio < threshold || !t.releaseDate || t.releaseDate <= today) continue;
    const ours = workspace.slate
      .filter((x) => x.releaseDate >= today && weekendsApart(x.releaseDate, t.releaseDate!) <= near)
      .map((x) => ({ title: x.title, date: x.releaseDate, apart: weekendsApart(x.releaseDate, t.releaseDate!) }));
    if (!ours.length) continue;
    const nearText = ours
      .map((o) => `${o.apart === 0 ? 'the same weekend as' : `${o.apart} weekend${o.apart === 1 ? '' : 's'} from`} ${o.title} (${day(o.date)})`)
      .join(' and ');
    const compsText = s.comps.map((c) => `${c.title} ${views(c.value)}`).join(', ');
    const [what, when] = s.label.split(' at ');
    const forecast = t.forecast ? ` Forecast opening ${formatMoney(t.forecast.mid)} (${formatMoney(t.forecast.low)}–${formatMoney(t.forecast.high)}, ${t.forecast.confidence} confidence).` : '';
    out.push({
      id: interestAlertId(t.titleKey, threshold),
      kind: 'interest_over_comps',
      priority: KIND_PRIORITY.interest_over_comps,
      title: t.title,
      studio: t.distributor,
      headline: s.videoTitle ?? `${t.title} ${s.label}`,
      summary: `${t.title}'s ${what} has ${views(s.value)} views at ${when}: ${s.ratio}× the median of ${s.comps.length} comparable ${s.comps.length === 1 ? 'title' : 'titles'} (${compsText}). It is dated ${day(t.releaseDate)}, ${nearText}.${forecast}`,
      eventType: null,
      eventId: null,
      storyId: null,
      at: now.toISOString(),
      change: null,
      collisions: [],
      surprise: null,
      interest: { label: s.label, ratio: s.ratio, value: s.value, compsMedian: s.compsMedian, comps: s.comps.map((c) => c.title) },
      link: s.videoUrl ? { source: 'YouTube', title: s.videoTitle ?? t.title, url: s.videoUrl } : null,
      alsoIn: [],
    });
  }
  return out;
}
