// Use-case: record a "flag as wrong" (who, what, why), resolved to the events, sources and analyst behind it; and the counts per source and analyst.
import { createHash, randomBytes } from 'node:crypto';
import type { AnalystInfo, Event } from '../model/event.js';
import type { Flag } from '../model/flag.js';
import type { EventStore } from '../ports/analysis-store.js';
import type { AnswerStore } from '../ports/answer-store.js';
import type { BriefStore } from '../ports/brief-store.js';
import type { FlagStore } from '../ports/flag-store.js';
import type { ItemStore } from '../ports/store.js';
import type { FlagTargetKind } from './flag-links.js';

export interface FlagDeps {
  analysis: Pick<EventStore, 'getEvent'>;
  store: Pick<ItemStore, 'getItems'>;
  briefs: Pick<BriefStore, 'getBrief'>;
  answers?: Pick<AnswerStore, 'getAnswer'>;
  flags: FlagStore;
}

/** The flagged thing does not exist (any more): a 404 for the caller. */
export class FlagTargetNotFound extends Error {
  constructor(kind: string, id: string) {
    super(`no ${kind} ${id}`);
    this.name = 'FlagTargetNotFound';
  }
}

export function analystLabel(a: AnalystInfo): string {
  return a.kind === 'embedded' ? `embedded ${a.version}` : `${a.model} (${a.promptVersion})`;
}

/** Records a flag: an alert, digest line or event flag names an event id; a brief or answer its own id. */
export async function recordFlag(deps: FlagDeps, target: { kind: FlagTargetKind; id: string }, who: string, reason: string, now: Date): Promise<Flag> {
  const flag = await buildFlag(deps, target, who, reason, now, `fl_${randomBytes(8).toString('hex')}`);
  await deps.flags.putFlag(flag);
  return flag;
}

/**
 * Records the flag of a signed link at most once per link and person: its id derives from the
 * token and who flagged, so a replayed link (clicked again, resubmitted, forwarded) records nothing
 * more. `created` is false when it was recorded before.
 */
export async function recordLinkFlag(
  deps: FlagDeps,
  token: string,
  target: { kind: FlagTargetKind; id: string },
  who: string,
  reason: string,
  now: Date,
): Promise<{ flag: Flag; created: boolean }> {
  const id = `fl_${createHash('sha256').update(`${token}\n${who.toLowerCase()}`).digest('hex').slice(0, 16)}`;
  const flag = await buildFlag(deps, target, who, reason, now, id);
  return { flag, created: await deps.flags.putFlagIfNew(flag) };
}

async function buildFlag(deps: FlagDeps, target: { kind: FlagTargetKind; id: string }, who: string, reason: string, now: Date, id: string): Promise<Flag> {
  let eventIds: string[];
  let analyst: string | null = null;
  if (target.kind === 'brief') {
    const b = await deps.briefs.getBrief(target.id);
    if (!b) throw new FlagTargetNotFound('brief', target.id);
    eventIds = b.eventIds;
    analyst = `${b.analyst.kind} ${b.analyst.version}`;
  } else if (target.kind === 'answer') {
    const a = await deps.answers?.getAnswer(target.id);
    if (!a) throw new FlagTargetNotFound('answer', target.id);
    eventIds = a.eventIds;
    analyst = a.analyst;
  } else {
    eventIds = [target.id];
  }
  const events = (await Promise.all(eventIds.map((id) => deps.analysis.getEvent(id)))).filter((e): e is Event => !!e);
  // A digest line is an event, or a computed sentence ("2026-W48:s2") that has no event behind it.
  const computedLine = target.kind === 'digest' && /^\d{4}-W\d{2}:s\d+$/.test(target.id);
  if (target.kind !== 'brief' && target.kind !== 'answer' && !computedLine && events.length === 0) throw new FlagTargetNotFound('event', target.id);
  analyst ??= events[0] ? analystLabel(events[0].analyst) : null;
  const items = await deps.store.getItems([...new Set(events.flatMap((e) => e.itemIds))]);
  const flag: Flag = {
    id,
    target,
    eventIds: events.map((e) => e.id),
    reason: reason.trim().slice(0, 1000),
    by: who.slice(0, 200),
    sourceIds: [...new Set(items.map((i) => i.sourceId))].sort(),
    analyst,
    status: 'open',
    createdAt: now.toISOString(),
    reviewedAt: null,
  };
  return flag;
}

export interface FlagStats {
  total: number;
  open: number;
  /** Flags per source of the flagged items: a bad source shows up here. */
  bySource: Record<string, number>;
  /** Flags per analyst (rules version or model + prompt version): a bad prompt shows up here. */
  byAnalyst: Record<string, number>;
}

export function flagStats(flags: Flag[]): FlagStats {
  const bySource: Record<string, number> = {};
  const byAnalyst: Record<string, number> = {};
  for (const f of flags) {
    for (const s of f.sourceIds) bySource[s] = (bySource[s] ?? 0) + 1;
    const a = f.analyst ?? 'unknown';
    byAnalyst[a] = (byAnalyst[a] ?? 0) + 1;
  }
  return { total: flags.length, open: flags.filter((f) => f.status === 'open').length, bySource, byAnalyst };
}
