// Use-case: build, render and send the weekly digest exactly once per workspace and week (ledger claim → send → complete).
import { workspaceKey } from '../../util/text.js';
import type { Workspace } from '../../model/workspace.js';
import type { Clock } from '../../ports/clock.js';
import type { IdempotencyLedger, LedgerReader } from '../../ports/ledger.js';
import { silentLogger, type Logger } from '../../ports/logger.js';
import { retryWrite } from '../../util/retry.js';
import type { Mailer } from '../../ports/mailer.js';
import type { DigestStore } from '../../ports/digest-store.js';
import { isoWeekOf } from '../../util/week.js';
import { buildBrief, type BriefDeps } from './build-brief.js';
import type { Brief } from '../../model/brief.js';
import { CHART_CID, renderDigest } from './render-digest.js';
import type { SentMail } from '../../ports/mailer.js';
import { noCheckpoint, type Checkpoint } from '../../ports/checkpoint.js';
import { MailError } from '../mail/errors.js';
import { INTEREST_CHART_CID } from '../../interest/digest-section.js';

export interface SendDigestDeps extends BriefDeps {
  ledger: IdempotencyLedger;
  mailer: Mailer;
  clock: Clock;
  log?: Logger;
  /** Where the sent digest is archived for the query API and web page (optional: mail alone still works). */
  digests?: DigestStore;
  /** Brief links and signed "flag as wrong" links on every line (omitted: none). */
  links?: { publicUrl: string; linkSecret: string };
  checkpoint?: Checkpoint;
}

export interface SendDigestOptions {
  /** ISO week ("2026-W48"); default: the current week in the workspace's timezone. */
  week?: string;
  from?: string;
}

export interface SendDigestResult {
  week: string;
  /** `failed` only from callers that catch sendDigest's error (the cycle): nothing went out, or `outcome` says it may have. */
  status: 'sent' | 'already_sent' | 'in_progress' | 'failed';
  /** What failed (status `failed`). */
  error?: string;
  /** For `failed`: `not_sent` (the next run retries) or `unknown` (it may have gone out; the next run sends it again). */
  outcome?: 'not_sent' | 'unknown';
  messageId?: string;
  files?: string[];
  /** The brief's statistics when this call built it (null when nothing was sent). */
  stats: Brief['stats'] | null;
  /** What went wrong after the mail went out (ledger or archive writes): reported, never a reason to send again. */
  warnings?: string[];
  /** Set when an earlier attempt was interrupted while sending and this call could not tell whether it went out: sent again (at least once). */
  resent?: boolean;
}

const DEFAULT_FROM = 'Marquee digest <digest@marquee.invalid>';
const LEASE_SECONDS = 900;

/** The ledger key of a workspace's digest for a week: `digest:<workspace name key>:<week>`. */
export function digestKey(workspaceName: string, week: string): string {
  return `digest:${workspaceKey(workspaceName)}:${week}`;
}

/**
 * Whether the week's digest went out (its ledger key is done): what the check an hour after the weekly slot asks,
 * without claiming or sending anything.
 */
export async function digestWasSent(workspace: Pick<Workspace, 'name'>, deps: { ledger: LedgerReader }, week: string): Promise<boolean> {
  return deps.ledger.isDone(digestKey(workspace.name, week));
}

/**
 * Sends the weekly digest once per workspace and week. The ledger key is claimed before anything
 * is built and marked "sending" just before the mail goes out. Once the mailer has accepted it, the
 * claim is completed whatever happens next (retried; a failure is reported, never released), then
 * the digest is archived (a failed archive is reported and repaired by a later run, never re-sent).
 * A claim released only when the mail certainly did not go out; an unknown outcome (a crash or a
 * dropped connection while sending) is settled by the next run: the file mailer's log says whether
 * it went out, SMTP and SES cannot tell, so it is sent again (at least once in that window).
 */
export async function sendDigest(workspace: Workspace, deps: SendDigestDeps, options: SendDigestOptions = {}): Promise<SendDigestResult> {
  const log = deps.log ?? silentLogger;
  const checkpoint = deps.checkpoint ?? noCheckpoint;
  const week = options.week ?? isoWeekOf(deps.clock.now(), workspace.timezone);
  const key = digestKey(workspace.name, week);
  const name = `digest-${week}`;
  const claim = await deps.ledger.claim(key, LEASE_SECONDS);
  if (claim.status === 'done') {
    log.info('digest already sent', { week, key });
    const r = claim.result ?? {};
    const messageId = typeof r.messageId === 'string' ? r.messageId : undefined;
    const subject = typeof r.subject === 'string' ? r.subject : `Marquee weekly digest ${week}`;
    const warnings = messageId ? await repairArchive(workspace, deps, week, { messageId, subject }, log) : [];
    return {
      week,
      status: 'already_sent',
      messageId,
      files: Array.isArray(r.files) ? (r.files as string[]) : undefined,
      stats: null,
      ...(warnings.length ? { warnings } : {}),
    };
  }
  if (claim.status === 'in_progress') {
    log.info('digest is being sent by another run', { week, key, leaseUntil: claim.leaseUntil });
    return { week, status: 'in_progress', stats: null };
  }
  checkpoint('digest.claimed');

  let brief: Brief;
  let message: Parameters<Mailer['send']>[0];
  try {
    brief = await buildBrief(workspace, deps, week);
    const who = workspace.recipients.length === 1 ? workspace.recipients[0]! : 'digest recipient';
    const digest = await renderDigest(brief, deps.links ? { links: { ...deps.links, who, now: deps.clock.now() } } : {});
    message = {
      from: options.from ?? DEFAULT_FROM,
      to: workspace.recipients,
      subject: digest.subject,
      html: digest.html,
      text: digest.text,
      inline: [
        ...(digest.chart ? [{ filename: 'boxoffice-chart.png', contentType: 'image/png', cid: CHART_CID, content: digest.chart }] : []),
        ...(digest.interestChart ? [{ filename: 'interest-chart.png', contentType: 'image/png', cid: INTEREST_CHART_CID, content: digest.interestChart }] : []),
      ],
      name,
    };
  } catch (err) {
    await deps.ledger.release(key).catch((releaseErr: unknown) => log.error('could not release the digest claim', { key, error: String(releaseErr) }));
    throw err;
  }

  // An earlier attempt died (or lost its connection) while sending: did the mail go out?
  let resent = false;
  if (claim.takenOver?.phase === 'sending') {
    const known = deps.mailer.delivered ? await deps.mailer.delivered(name) : undefined;
    if (known) {
      log.warn('an interrupted earlier attempt had sent the digest: recording it, not sending again', { week, key, messageId: known.messageId });
      const warnings = await finish(workspace, deps, { key, week, brief, subject: message.subject, sent: known }, log);
      return { week, status: 'already_sent', messageId: known.messageId, files: known.files, stats: null, ...(warnings.length ? { warnings } : {}) };
    }
    resent = known === undefined;
    if (resent) log.warn('an earlier attempt was interrupted while sending and the mailer cannot tell whether it went out: sending again (at least once)', { week, key, previousOwner: claim.takenOver.owner });
  }

  if (!(await deps.ledger.markSending(key))) {
    log.warn('the digest claim was taken over by another run before sending: not sending', { week, key });
    return { week, status: 'in_progress', stats: null };
  }
  checkpoint('digest.sending');
  let sent: SentMail;
  try {
    sent = await deps.mailer.send(message);
  } catch (err) {
    if (err instanceof MailError && err.outcome === 'unknown') {
      await deps.ledger.abandon(key, err.message).catch((e: unknown) => log.error('could not record the unknown outcome of the digest', { key, error: String(e) }));
    } else {
      await deps.ledger.release(key).catch((releaseErr: unknown) => log.error('could not release the digest claim', { key, error: String(releaseErr) }));
    }
    throw err;
  }
  checkpoint('digest.sent');
  const warnings = await finish(workspace, deps, { key, week, brief, subject: message.subject, sent }, log);
  log.info('digest sent', { week, key, messageId: sent.messageId });
  return { week, status: 'sent', messageId: sent.messageId, files: sent.files, stats: brief.stats, ...(warnings.length ? { warnings } : {}), ...(resent ? { resent } : {}) };
}

/** After the mail went out: complete the claim (retried, never released), then archive. Returns what failed. */
async function finish(
  workspace: Workspace,
  deps: SendDigestDeps,
  d: { key: string; week: string; brief: Brief; subject: string; sent: SentMail },
  log: Logger,
): Promise<string[]> {
  const checkpoint = deps.checkpoint ?? noCheckpoint;
  const warnings: string[] = [];
  try {
    await retryWrite(() => deps.ledger.complete(d.key, { messageId: d.sent.messageId, subject: d.subject, ...(d.sent.files ? { files: d.sent.files } : {}) }));
    checkpoint('digest.completed');
  } catch (err) {
    // The mail is out: the claim stays "sending"; the next run settles it (see sendDigest).
    log.error('digest sent but its ledger record could not be completed', { key: d.key, error: String(err) });
    warnings.push(`sent, but the ledger could not record it: ${(err as Error).message}`);
  }
  if (deps.digests) {
    try {
      await deps.digests.putDigest({ workspace: workspace.name, week: d.week, subject: d.subject, sentAt: deps.clock.now().toISOString(), messageId: d.sent.messageId, brief: d.brief });
      checkpoint('digest.archived');
    } catch (err) {
      log.error('digest sent but not archived (a later run archives it)', { key: d.key, error: String(err) });
      warnings.push(`sent, but not archived: ${(err as Error).message}`);
    }
  }
  return warnings;
}

/** A week done in the ledger but missing from the archive (a crash or a failed write after sending): archive it now. */
async function repairArchive(workspace: Workspace, deps: SendDigestDeps, week: string, sent: { messageId: string; subject: string }, log: Logger): Promise<string[]> {
  if (!deps.digests) return [];
  try {
    if (await deps.digests.getDigest(workspace.name, week)) return [];
    const brief = await buildBrief(workspace, deps, week);
    await deps.digests.putDigest({ workspace: workspace.name, week, subject: sent.subject, sentAt: deps.clock.now().toISOString(), messageId: sent.messageId, brief });
    log.warn('archived a digest that was sent without being archived', { week, messageId: sent.messageId });
    return [];
  } catch (err) {
    log.error('could not archive a sent digest', { week, error: String(err) });
    return [`not archived: ${(err as Error).message}`];
  }
}
