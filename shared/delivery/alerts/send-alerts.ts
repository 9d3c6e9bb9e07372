// Use-case sendAlerts: rules → burst groups → per message: claim every key in the ledger, post once, complete (or release on failure).
import { workspaceKey } from '../../util/text.js';
import type { Collision } from '../../analysis/release-calendar.js';
import type { ChartSurprise } from '../../analysis/boxoffice-series.js';
import type { Event } from '../../model/event.js';
import type { Story } from '../../model/story.js';
import type { Workspace } from '../../model/workspace.js';
import type { EventStore, StoryStore } from '../../ports/analysis-store.js';
import type { ChatPoster } from '../../ports/chat.js';
import type { Clock } from '../../ports/clock.js';
import { mapLimit } from '../../util/concurrency.js';
import type { ClaimResult, IdempotencyLedger, TakenOver } from '../../ports/ledger.js';
import { noCheckpoint, type Checkpoint } from '../../ports/checkpoint.js';
import { ChatError } from '../chat/errors.js';
import { silentLogger, type Logger } from '../../ports/logger.js';
import { retryWrite } from '../../util/retry.js';
import { isoWeekOf } from '../../util/week.js';
import { selectAlerts, type Alert, type AlertKind } from './alert-rules.js';
import { alertSummary, buildAlertMessage } from './blocks.js';
import { groupBursts } from './burst.js';
import { workspaceAsOf } from '../../util/as-of.js';

export interface SendAlertsDeps {
  analysis: Pick<EventStore, 'getEvents'> & Pick<StoryStore, 'getStories'>;
  ledger: IdempotencyLedger;
  chat: ChatPoster;
  clock: Clock;
  log?: Logger;
  /** Brief and "flag as wrong" links in each message (omitted: no links). */
  links?: { publicUrl: string; linkSecret: string };
  checkpoint?: Checkpoint;
}

export interface SendAlertsInput {
  /** Events to consider, by id (loaded from the store). */
  eventIds?: string[];
  /** Events to consider, already loaded (e.g. recentEvents()). */
  events?: Event[];
  collisions?: Collision[];
  surprises?: ChartSurprise[];
  /** Interest alerts (competitor titles running above their comps), built by shared/interest/interest-alerts.ts. */
  interest?: Alert[];
  /** "Now" for the age limit; default: the workspace's pinned clock, else the clock. */
  asOf?: Date;
}

/** `unknown`: posted without an answer in time (Slack may have shown it); the next run posts it again. */
export type AlertStatus = 'sent' | 'already_sent' | 'in_progress' | 'failed' | 'unknown' | 'deferred';

export interface AlertOutcome {
  /** The alert's id in the workspace (story id, `surprise:…`, `collision:…`). */
  id: string;
  key: string;
  kind: AlertKind;
  title: string;
  summary: string;
  storyId: string | null;
  at: string;
  status: AlertStatus;
  messageId?: string;
  error?: string;
  /** Posted again after an earlier attempt's unknown outcome: it may appear twice in the channel. */
  resent?: boolean;
}

export interface AlertsReport {
  /** Alerts the rules produced from the input (one per story, surprise or storyless collision). */
  considered: number;
  /** Alerts posted by this run. */
  sent: number;
  /** Alerts an earlier run already sent (ledger: done). */
  skipped: number;
  /** Alerts another run is sending right now (ledger: live claim). */
  inProgress: number;
  /** Alerts whose message failed: their claims were released, the next run retries them. */
  failed: number;
  /** Alerts whose message got no answer in time (Slack may have posted them): the next run posts them again, marked as a possible repeat. */
  unknown: number;
  /** Alerts over the run's maxPerRun budget: left unclaimed for the next run. */
  deferred: number;
  /** Messages posted (a burst carries several alerts). */
  messages: number;
  /** Events that matched a rule but were older than alerts.maxAgeHours, and events no rule applies to. */
  ignored: { stale: number; noRule: number };
  errors: string[];
  alerts: AlertOutcome[];
}

export { workspaceKey };

/** The ledger key of an alert: `alert:<workspace>:<story id | surprise:… | collision:…>`. */
export function alertKey(workspaceName: string, alertId: string): string {
  return `alert:${workspaceKey(workspaceName)}:${alertId}`;
}

/**
 * Events published in the `hours` before `now` (and up to a day after, for clock skew), read by
 * ISO week from the store's week index: the candidates of a run, including what an earlier run
 * deferred or failed to send.
 */
export async function recentEvents(analysis: Pick<EventStore, 'eventsByWeek'>, now: Date, hours: number): Promise<Event[]> {
  const from = now.getTime() - hours * 3_600_000;
  const to = now.getTime() + 86_400_000;
  const weeks = new Set<string>();
  for (let t = from; t < to; t += 86_400_000) weeks.add(isoWeekOf(new Date(t)));
  weeks.add(isoWeekOf(new Date(to)));
  const out: Event[] = [];
  for (const w of weeks) {
    for (const e of await analysis.eventsByWeek(w)) {
      const at = Date.parse(e.publishedAt ?? e.createdAt);
      if (at >= from && at <= to) out.push(e);
    }
  }
  return out;
}

// A claim covers one message's posting, retries included (at most a few minutes); a run that dies
// holding it leaves the alert to the first run after the lease, or at once to a runtime that knows
// the holder is gone (see DynamoLedger's takeover rules).
const LEASE_SECONDS = 900;
/** Ledger writes of one burst in flight at once (each on its own key). */
const CLAIMS_AT_ONCE = 8;

/**
 * Sends the alerts for the given events, collisions and surprises, each once per workspace:
 * alerts are grouped into bursts; for each burst every key is claimed in the ledger (conditional
 * write) and marked "sending" before anything is posted, the message carries only the alerts this
 * run claimed, and the claims are completed with the message id after the post, released when it
 * certainly failed (the next run retries), or left "sending" with an unknown outcome when Slack did
 * not answer in time. A claim taken over in "sending" (a crash or a timeout) is settled first: the
 * channel's own record decides when it has one (alerts.jsonl), otherwise the alert is posted again
 * with a note that it may be a repeat (at least once, in that window only). At most `alerts.maxPerRun` alerts are claimed per run; the rest are reported as
 * deferred and picked up by the next run.
 */
export async function sendAlerts(workspace: Workspace, deps: SendAlertsDeps, input: SendAlertsInput): Promise<AlertsReport> {
  const log = deps.log ?? silentLogger;
  const checkpoint = deps.checkpoint ?? noCheckpoint;
  const now = input.asOf ?? workspaceAsOf(workspace, deps.clock).instant;
  const eventsById = new Map<string, Event>();
  for (const e of input.events ?? []) eventsById.set(e.id, e);
  const wanted = new Set([...(input.eventIds ?? []), ...(input.collisions ?? []).flatMap((c) => (c.eventId ? [c.eventId] : []))]);
  const missing = [...wanted].filter((id) => !eventsById.has(id));
  const found = missing.length > 0 ? await deps.analysis.getEvents(missing) : new Map<string, Event>();
  for (const id of missing) if (found.has(id)) eventsById.set(id, found.get(id)!);
  const events = [...eventsById.values()];
  const stories = new Map<string, Story>();
  const storyIds = new Set([...events.map((e) => e.storyId), ...(input.collisions ?? []).flatMap((c) => (c.storyId ? [c.storyId] : []))]);
  for (const [id, s] of await deps.analysis.getStories([...storyIds])) stories.set(id, s);

  const outcome = selectAlerts(workspace, { events, stories, collisions: input.collisions ?? [], surprises: input.surprises ?? [], interest: input.interest, now });
  const report: AlertsReport = {
    considered: outcome.alerts.length,
    sent: 0,
    skipped: 0,
    inProgress: 0,
    failed: 0,
    unknown: 0,
    deferred: 0,
    messages: 0,
    ignored: { stale: outcome.stale, noRule: outcome.noRule },
    errors: [],
    alerts: [],
  };
  const record = (a: Alert, status: AlertStatus, extra: Partial<AlertOutcome> = {}) => {
    report.alerts.push({ id: a.id, key: alertKey(workspace.name, a.id), kind: a.kind, title: a.title, summary: alertSummary(a), storyId: a.storyId, at: a.at, status, ...extra });
  };

  // Alerts sent by earlier runs (most of a run's candidates): one batched read instead of a claim each.
  const done = deps.ledger.completed ? await deps.ledger.completed(outcome.alerts.map((a) => alertKey(workspace.name, a.id))) : new Map<string, Record<string, unknown> | null>();
  // Every group's alerts in message order and, within a message, by priority. Claims are taken just before their
  // message, in waves across messages (several at once, not one round trip per message), and already in phase
  // "sending": the claim is the mark, one write per alert. Only a claim taken uses the `maxPerRun` budget, so an alert
  // sent or held elsewhere frees its place for the next one; the alerts left when the budget is spent are deferred.
  // The price of claiming ahead: a run that dies between a claim and its message leaves those few alerts (at most a
  // wave) as "outcome unknown", and the next run posts them with its "may be a repeat" note (never twice where the
  // channel keeps its own record).
  const plan = groupBursts(outcome.alerts, workspace.alerts.burstWindowMinutes).map((group) =>
    [...group].sort((x, y) => x.priority - y.priority || x.at.localeCompare(y.at)).map((a) => ({ alert: a, key: alertKey(workspace.name, a.id) })),
  );
  const flat = plan.flat();
  // Where each message's alerts start in `flat` (and in `claimResults`).
  const offsets: number[] = [];
  plan.reduce((at, group) => (offsets.push(at), at + group.length), 0);
  const claimResults: Array<ClaimResult | 'deferred' | undefined> = new Array(flat.length);
  const open: number[] = [];
  flat.forEach((d, k) => {
    if (done.has(d.key)) claimResults[k] = { status: 'done', completedAt: '', result: done.get(d.key) ?? null };
    else open.push(k);
  });
  let budget = workspace.alerts.maxPerRun;
  let next = 0;
  let stopped = false;
  const completions: Array<Promise<unknown>> = [];
  // Completions of posted messages, written together (batched where the ledger can) when a wave's worth has gathered,
  // before the next claim wave and at the end: never released (posted is posted), retried, then logged.
  let toComplete: Array<{ key: string; result: Record<string, unknown> }> = [];
  const flushCompletions = () => {
    if (toComplete.length === 0) return;
    const batch = toComplete;
    toComplete = [];
    const one = (c: { key: string; result: Record<string, unknown> }) =>
      retryWrite(() => deps.ledger.complete(c.key, c.result)).catch((completeErr: unknown) => {
        log.error('alert posted but its ledger record could not be completed', { key: c.key, error: String(completeErr) });
        report.errors.push(`posted ${c.key} but could not complete its ledger record: ${String(completeErr)}`);
      });
    const many = deps.ledger.completeMany?.bind(deps.ledger);
    completions.push(
      (many ? retryWrite(() => many(batch)).catch(() => mapLimit(batch, CLAIMS_AT_ONCE, one)) : mapLimit(batch, CLAIMS_AT_ONCE, one)).then(() => checkpoint('alerts.completed')),
    );
  };
  /** Decides every alert before `end` in `flat`: claimed (in waves reaching into the next messages), or deferred. */
  const claimThrough = async (end: number) => {
    while (next < open.length && open[next]! < end) {
      if (budget <= 0 || stopped) {
        for (; next < open.length; next++) claimResults[open[next]!] = 'deferred';
        return;
      }
      let needed = 0;
      while (next + needed < open.length && open[next + needed]! < end) needed++;
      const wave = open.slice(next, next + Math.min(budget, Math.max(needed, CLAIMS_AT_ONCE)));
      next += wave.length;
      flushCompletions();
      const results = await Promise.all(wave.map((k) => deps.ledger.claim(flat[k]!.key, LEASE_SECONDS, { sending: true })));
      wave.forEach((k, j) => {
        claimResults[k] = results[j]!;
        if (results[j]!.status === 'claimed') budget--;
      });
    }
  };
  try {
    for (const [g, decided] of plan.entries()) {
      await claimThrough(offsets[g]! + decided.length);
      const claims = claimResults.slice(offsets[g]!, offsets[g]! + decided.length);
      let claimed: Array<{ alert: Alert; key: string; takenOver?: TakenOver }> = [];
      for (const [i, { alert: a, key }] of decided.entries()) {
        const claim = claims[i]!;
        if (claim === 'deferred') {
          record(a, 'deferred');
          report.deferred++;
        } else if (claim.status === 'done') {
          const r = claim.result ?? {};
          record(a, 'already_sent', typeof r.messageId === 'string' ? { messageId: r.messageId } : {});
          report.skipped++;
        } else if (claim.status === 'in_progress') {
          record(a, 'in_progress');
          report.inProgress++;
        } else claimed.push({ alert: a, key, takenOver: claim.takenOver });
      }
      if (stopped && claimed.length > 0) {
        // Slack stopped answering earlier in this run: claims taken ahead are given back untouched, for the next run.
        for (const c of claimed) {
          await deps.ledger.release(c.key).catch((err: unknown) => log.error('could not release an alert claim', { key: c.key, error: String(err) }));
          record(c.alert, 'deferred');
          report.deferred++;
        }
        continue;
      }
      if (claimed.length === 0) continue;
      checkpoint('alerts.claimed');

      // Claims taken over from a run that was posting when it died or got no answer: did those alerts go out?
      let resent = false;
      const uncertain = claimed.filter((c) => c.takenOver?.phase === 'sending');
      if (uncertain.length > 0) {
        const known = deps.chat.delivered ? await deps.chat.delivered(uncertain.map((c) => c.key)) : null;
        for (const c of uncertain) {
          const messageId = known?.get(c.key);
          if (messageId === undefined) continue;
          // Delivered by the interrupted run: record it, do not post it again.
          await retryWrite(() => deps.ledger.complete(c.key, { messageId, kind: c.alert.kind, title: c.alert.title, recovered: true })).catch((err: unknown) => {
            report.errors.push(`could not record ${c.key} as sent: ${String(err)}`);
          });
          record(c.alert, 'already_sent', { messageId });
          report.skipped++;
        }
        claimed = claimed.filter((c) => !known?.has(c.key));
        resent = claimed.some((c) => c.takenOver?.phase === 'sending');
        if (resent) log.warn('posting alerts again after an unknown outcome (the channel cannot say whether the earlier post went out)', { alerts: claimed.filter((c) => c.takenOver?.phase === 'sending').map((c) => c.key) });
      }
      // Claimed in phase "sending": from here a crash or a timeout is an unknown outcome for the next run.
      const posting = claimed;
      if (posting.length === 0) continue;
      checkpoint('alerts.posting');
      const keys = posting.map((c) => c.key);
      let posted: Awaited<ReturnType<ChatPoster['post']>>;
      try {
        const message = buildAlertMessage(
          posting.map((c) => c.alert),
          { timeZone: workspace.timezone, links: deps.links ? { ...deps.links, now: deps.clock.now() } : undefined, resent },
        );
        message.alerts = message.alerts?.map((m, i) => ({ ...m, key: keys[i]! }));
        posted = await deps.chat.post(message);
      } catch (err) {
        const message = (err as Error).message;
        report.errors.push(message);
        if (err instanceof ChatError && err.code === 'timeout') {
          // Slack may have posted it: keep the claims in "sending" (their lease ends now) and let the next run decide.
          log.error('no answer to an alert message: outcome unknown, the next run posts it again', { alerts: keys, error: message });
          for (const c of posting) {
            await deps.ledger.abandon(c.key, message).catch((e: unknown) => log.error('could not record an unknown alert outcome', { key: c.key, error: String(e) }));
            record(c.alert, 'unknown', { error: message });
            report.unknown++;
          }
          // Slack is hanging: the rest waits for the next run instead of 30 s a message (and a Lambda's timeout).
          stopped = true;
        } else {
          log.error('alert message failed, claims released', { alerts: keys, error: message });
          for (const c of posting) {
            await deps.ledger.release(c.key).catch((releaseErr: unknown) => log.error('could not release an alert claim', { key: c.key, error: String(releaseErr) }));
            record(c.alert, 'failed', { error: message });
            report.failed++;
          }
        }
        continue;
      }
      checkpoint('alerts.posted');
      report.messages++;
      log.info('alert message posted', { messageId: posted.id, alerts: keys, attempts: posted.attempts });
      for (const c of posting) {
        record(c.alert, 'sent', { messageId: posted.id, ...(c.takenOver?.phase === 'sending' ? { resent: true } : {}) });
        report.sent++;
        toComplete.push({
          key: c.key,
          result: { messageId: posted.id, kind: c.alert.kind, title: c.alert.title, attempts: posted.attempts, grouped: posting.length, ...(resent ? { resent } : {}) },
        });
      }
      if (toComplete.length >= CLAIMS_AT_ONCE) flushCompletions();
    }
    flushCompletions();
  } catch (err) {
    // Whatever stopped the run, the completions already gathered land (or fail) before it is reported.
    flushCompletions();
    await Promise.allSettled(completions);
    throw err;
  }
  await Promise.all(completions);
  return report;
}
