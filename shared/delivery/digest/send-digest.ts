// Use-case: build, render and send the weekly digest exactly once per workspace and week (ledger claim → send → complete).
import { workspaceKey } from '../../util/text.js';
import type { Workspace } from '../../model/workspace.js';
import type { Clock } from '../../ports/clock.js';
import type { IdempotencyLedger } from '../../ports/ledger.js';
import { silentLogger, type Logger } from '../../ports/logger.js';
import type { Mailer } from '../../ports/mailer.js';
import type { DigestStore } from '../../ports/digest-store.js';
import { isoWeekOf } from '../../util/week.js';
import { buildBrief, type Brief, type BriefDeps } from './build-brief.js';
import { CHART_CID, renderDigest } from './render-digest.js';
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
}

export interface SendDigestOptions {
  /** ISO week ("2026-W48"); default: the current week in the workspace's timezone. */
  week?: string;
  from?: string;
}

export interface SendDigestResult {
  week: string;
  status: 'sent' | 'already_sent' | 'in_progress';
  messageId?: string;
  files?: string[];
  /** The brief's statistics when this call built it (null when nothing was sent). */
  stats: Brief['stats'] | null;
}

const DEFAULT_FROM = 'Marquee digest <digest@marquee.invalid>';

/** The ledger key of a workspace's digest for a week: `digest:<workspace name key>:<week>`. */
export function digestKey(workspaceName: string, week: string): string {
  return `digest:${workspaceKey(workspaceName)}:${week}`;
}

/**
 * Sends the weekly digest once: the ledger key is claimed before anything is sent, completed with
 * the message id after, and released if building or sending fails so the next run retries.
 */
export async function sendDigest(workspace: Workspace, deps: SendDigestDeps, options: SendDigestOptions = {}): Promise<SendDigestResult> {
  const log = deps.log ?? silentLogger;
  const week = options.week ?? isoWeekOf(deps.clock.now(), workspace.timezone);
  const key = digestKey(workspace.name, week);
  const claim = await deps.ledger.claim(key, 900);
  if (claim.status === 'done') {
    log.info('digest already sent', { week, key });
    const r = claim.result ?? {};
    return {
      week,
      status: 'already_sent',
      messageId: typeof r.messageId === 'string' ? r.messageId : undefined,
      files: Array.isArray(r.files) ? (r.files as string[]) : undefined,
      stats: null,
    };
  }
  if (claim.status === 'in_progress') {
    log.info('digest is being sent by another run', { week, key, leaseUntil: claim.leaseUntil });
    return { week, status: 'in_progress', stats: null };
  }
  try {
    const brief = await buildBrief(workspace, deps, week);
    const who = workspace.recipients.length === 1 ? workspace.recipients[0]! : 'digest recipient';
    const digest = await renderDigest(brief, deps.links ? { links: { ...deps.links, who, now: deps.clock.now() } } : {});
    const sent = await deps.mailer.send({
      from: options.from ?? DEFAULT_FROM,
      to: workspace.recipients,
      subject: digest.subject,
      html: digest.html,
      text: digest.text,
      inline: [
        ...(digest.chart ? [{ filename: 'boxoffice-chart.png', contentType: 'image/png', cid: CHART_CID, content: digest.chart }] : []),
        ...(digest.interestChart ? [{ filename: 'interest-chart.png', contentType: 'image/png', cid: INTEREST_CHART_CID, content: digest.interestChart }] : []),
      ],
      name: `digest-${week}`,
    });
    // Archive before completing: a crash in between re-sends at most once more, never loses the archive.
    await deps.digests?.putDigest({ workspace: workspace.name, week, subject: digest.subject, sentAt: deps.clock.now().toISOString(), messageId: sent.messageId, brief });
    await deps.ledger.complete(key, { messageId: sent.messageId, ...(sent.files ? { files: sent.files } : {}) });
    log.info('digest sent', { week, key, messageId: sent.messageId });
    return { week, status: 'sent', messageId: sent.messageId, files: sent.files, stats: brief.stats };
  } catch (err) {
    await deps.ledger.release(key).catch((releaseErr: unknown) => log.error('could not release the digest claim', { key, error: String(releaseErr) }));
    throw err;
  }
}
