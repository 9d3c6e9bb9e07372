// Alert rules: which events, collisions and box-office surprises become alerts (one per story, never per outlet), by priority.
import type { Collision } from '../../analysis/release-calendar.js';
import type { ChartSurprise } from '../../analysis/boxoffice-series.js';
import { studioKeys } from '../../analysis/studio-keys.js';
import type { Event, EventType } from '../../model/event.js';
import type { Story } from '../../model/story.js';
import type { Workspace } from '../../model/workspace.js';
import { titleKey } from '../../util/text.js';

export type AlertKind = 'collision' | 'competitor_release' | 'boxoffice_surprise' | 'interest_over_comps' | 'acquisition' | 'greenlight' | 'trailer';

/** Lower goes first (and wins the maxPerRun budget): a collision with the slate is the one to see. */
export const KIND_PRIORITY: Record<AlertKind, number> = {
  collision: 0,
  competitor_release: 1,
  boxoffice_surprise: 2,
  interest_over_comps: 2,
  acquisition: 3,
  greenlight: 3,
  trailer: 4,
};

export interface AlertLink {
  /** The outlet's name (the workspace's source name, else its id). */
  source: string;
  title: string;
  url: string | null;
}

export interface AlertCollision {
  slateTitle: string;
  slateDate: string;
  competitorDate: string;
  weekendsApart: number;
  genreOverlap: string[];
}

export interface Alert {
  /** Stable id within the workspace: the story id, or `surprise:…` / `collision:…` when there is no story. */
  id: string;
  kind: AlertKind;
  priority: number;
  /** The title the alert is about (the competitor's title). */
  title: string;
  studio: string | null;
  /** The story's headline as the first outlet ran it (web text: escape before display). */
  headline: string;
  /** What happened, one sentence (web text). */
  summary: string;
  eventType: EventType | null;
  eventId: string | null;
  storyId: string | null;
  /** When it happened (publication), for burst grouping and display. */
  at: string;
  /** A dating or a move: the old and the new date (partial dates allowed, null = none). */
  change: { from: string | null; to: string | null } | null;
  collisions: AlertCollision[];
  surprise: ChartSurprise | null;
  /** A competitor title's interest against its comps (interest_over_comps alerts). */
  interest?: { label: string; ratio: number; value: number; compsMedian: number; comps: string[] } | null;
  /** The first report, and the other outlets that ran the story (one per outlet). */
  link: AlertLink | null;
  alsoIn: AlertLink[];
}

export interface RuleInput {
  events: Event[];
  stories: Map<string, Story>;
  collisions: Collision[];
  surprises: ChartSurprise[];
  /** Interest alerts already built (shared/interest/interest-alerts.ts): kept when the rule is on. */
  interest?: Alert[];
  now: Date;
}

export interface RuleOutcome {
  alerts: Alert[];
  /** Events that matched a rule but were published before the age limit. */
  stale: number;
  /** Events no enabled rule applies to. */
  noRule: number;
}

/** The alert id of a box-office surprise: one per title and opening weekend. */
export function surpriseAlertId(s: Pick<ChartSurprise, 'title' | 'start'>): string {
  return `surprise:${titleKey(s.title)}:${s.start}`;
}

/** At most this many "also in" outlets per alert. */
export const MAX_ALSO_IN = 8;

function eventTime(e: Event): string {
  return e.publishedAt ?? e.createdAt;
}

function links(story: Story | undefined, sourceName: (id: string) => string): { link: AlertLink | null; alsoIn: AlertLink[] } {
  if (!story) return { link: null, alsoIn: [] };
  const members = [...story.members].sort((a, b) => a.time.localeCompare(b.time));
  const first = members.find((m) => m.url) ?? members[0]!;
  const seen = new Set([first.sourceId]);
  const alsoIn: AlertLink[] = [];
  for (const m of members) {
    if (seen.has(m.sourceId)) continue;
    seen.add(m.sourceId);
    alsoIn.push({ source: sourceName(m.sourceId), title: m.title, url: m.url });
  }
  return { link: { source: sourceName(first.sourceId), title: first.title, url: first.url }, alsoIn: alsoIn.slice(0, MAX_ALSO_IN) };
}

function eventKind(e: Event, ws: Workspace, slateKeys: Set<string>): AlertKind | null {
  const r = ws.alerts.rules;
  if (!e.concernsCompetitor) return null;
  switch (e.type) {
    case 'release_dated':
    case 'release_moved': {
      const t = e.titles[0];
      // A story about the team's own title (e.g. "Harbor Light holds its date") is not a competitor move;
      // "dated" with no date is not news to alert on (a move off the calendar may have none).
      if (e.type === 'release_dated' && !e.releaseDate) return null;
      return r.competitorRelease && t && !slateKeys.has(titleKey(t)) ? 'competitor_release' : null;
    }
    case 'trailer':
      return r.trailer ? 'trailer' : null;
    case 'acquisition':
      return r.acquisition ? 'acquisition' : null;
    case 'greenlight':
      return r.greenlight ? 'greenlight' : null;
    default:
      return null;
  }
}

/**
 * Applies the workspace's alert rules. Each story gives at most one alert (its highest-priority
 * kind); a collision names every slate title it lands on. Collisions alert whatever their age
 * (they are still ahead); other news alerts only within `alerts.maxAgeHours` of `now`.
 */
export function selectAlerts(ws: Workspace, input: RuleInput): RuleOutcome {
  const sourceNames = new Map(ws.sources.map((s) => [s.id, s.name ?? s.id]));
  const sourceName = (id: string) => sourceNames.get(id) ?? id;
  const competitorKeys = studioKeys(ws.competitors);
  const slateKeys = new Set(ws.slate.map((s) => titleKey(s.title)));
  const oldest = input.now.getTime() - ws.alerts.maxAgeHours * 3_600_000;
  const byId = new Map<string, Alert>();
  const eventsById = new Map(input.events.map((e) => [e.id, e]));
  const studioOf = (e: Event) => e.studios.find((s) => competitorKeys.has(titleKey(s))) ?? e.studios[0] ?? null;

  if (ws.alerts.rules.collision) {
    for (const c of input.collisions) {
      const event = c.eventId ? eventsById.get(c.eventId) : undefined;
      const id = c.storyId ?? `collision:${titleKey(c.slateTitle)}:${titleKey(c.competitorTitle)}:${c.competitorDate}`;
      const hit: AlertCollision = { slateTitle: c.slateTitle, slateDate: c.slateDate, competitorDate: c.competitorDate, weekendsApart: c.weekendsApart, genreOverlap: c.genreOverlap };
      const existing = byId.get(id);
      if (existing) {
        if (!existing.collisions.some((x) => x.slateTitle === hit.slateTitle)) existing.collisions.push(hit);
        continue;
      }
      const story = c.storyId ? input.stories.get(c.storyId) : undefined;
      byId.set(id, {
        id,
        kind: 'collision',
        priority: KIND_PRIORITY.collision,
        title: c.competitorTitle,
        studio: c.distributor ?? (event ? studioOf(event) : null),
        headline: story?.title ?? `${c.competitorTitle} dated ${c.competitorDate}`,
        summary: event?.summary ?? `${c.competitorTitle} is dated ${c.competitorDate}, near ${c.slateTitle} (${c.slateDate}).`,
        eventType: event?.type ?? null,
        eventId: c.eventId,
        storyId: c.storyId,
        at: event ? eventTime(event) : input.now.toISOString(),
        change: { from: event?.previousDate ?? null, to: c.competitorDate },
        collisions: [hit],
        surprise: null,
        ...links(story, sourceName),
      });
    }
  }

  let stale = 0;
  let noRule = 0;
  for (const e of input.events) {
    if (byId.has(e.storyId)) continue; // the story already alerts as a collision
    const kind = eventKind(e, ws, slateKeys);
    if (!kind) {
      noRule++;
      continue;
    }
    if (Date.parse(eventTime(e)) < oldest) {
      stale++;
      continue;
    }
    const story = input.stories.get(e.storyId);
    byId.set(e.storyId, {
      id: e.storyId,
      kind,
      priority: KIND_PRIORITY[kind],
      title: e.titles[0] ?? story?.title ?? e.summary,
      studio: studioOf(e),
      headline: story?.title ?? e.summary,
      summary: e.summary,
      eventType: e.type,
      eventId: e.id,
      storyId: e.storyId,
      at: eventTime(e),
      change: kind === 'competitor_release' ? { from: e.previousDate, to: e.releaseDate } : null,
      collisions: [],
      surprise: null,
      ...links(story, sourceName),
    });
  }

  if (ws.alerts.rules.boxOfficeSurprise) {
    for (const s of input.surprises) {
      const id = surpriseAlertId(s);
      if (byId.has(id)) continue;
      const verb = s.direction === 'above' ? 'broke out' : 'fell short';
      byId.set(id, {
        id,
        kind: 'boxoffice_surprise',
        priority: KIND_PRIORITY.boxoffice_surprise,
        title: s.title,
        studio: s.distributor,
        headline: `${s.title} ${verb} on the weekend of ${s.start}`,
        summary: `${s.title}${s.distributor ? ` (${s.distributor})` : ''} opened to $${(s.gross / 1e6).toFixed(1)}M, ${s.ratio}× the per-theater median of ${s.comparables} comparable openings.`,
        eventType: null,
        eventId: null,
        storyId: null,
        at: input.now.toISOString(),
        change: null,
        collisions: [],
        surprise: s,
        link: null,
        alsoIn: [],
      });
    }
  }

  if (ws.alerts.rules.interestOverComps) for (const a of input.interest ?? []) if (!byId.has(a.id)) byId.set(a.id, a);

  const alerts = [...byId.values()].sort((a, b) => a.priority - b.priority || b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
  return { alerts, stale, noRule };
}
