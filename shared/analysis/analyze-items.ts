// Use-case analyzeItems: cluster new items into stories, analyze each new story once, update the release calendar.
import type { Item } from '../model/item.js';
import type { Event } from '../model/event.js';
import { MAX_STORY_MEMBERS, type Story, type StoryMember } from '../model/story.js';
import type { Workspace } from '../model/workspace.js';
import type { Analyst, AnalystUsage, StoryInput } from '../ports/analyst.js';
import type { AnalysisStore } from '../ports/analysis-store.js';
import type { ItemStore } from '../ports/store.js';
import type { Clock } from '../ports/clock.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { Checkpoint } from '../ports/checkpoint.js';
import { DEFAULT_WINDOW_HOURS, clusterDocs, type ClusterDoc, type ClusterHint } from './cluster.js';
import { applyReleaseEvent } from './release-calendar.js';
import { sha256Hex, titleKey } from '../util/text.js';
import { studioKeys } from './studio-keys.js';

export interface AnalyzeDeps {
  items: ItemStore;
  analysis: AnalysisStore;
  analyst: Analyst;
  clock: Clock;
  /** Cheap per-item hints (event type, titles) that sharpen clustering; the embedded rules fit. */
  hint?: (doc: { title: string; text: string; publishedAt: string | null }) => ClusterHint;
  log?: Logger;
  checkpoint?: Checkpoint;
}

export interface AnalysisReport {
  analyst: string;
  items: number;
  stories: number;
  joinedExisting: number;
  events: number;
  releasesChanged: number;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cacheHits: number;
  fallbacks: number;
  /** Of `fallbacks`, stories handed to the embedded analyst because the run's token budget was spent. */
  budgetFallbacks: number;
  /** Stories given to the analyst in this run (new ones and any whose event was never stored). */
  storiesAnalyzed: number;
  durationMs: number;
  /** Ids of the events created by this run (for alerting). */
  eventIds: string[];
}

const LEAD_CHARS = 700;
const WINDOW_HOURS = DEFAULT_WINDOW_HOURS;

function member(item: Item): StoryMember {
  return {
    itemId: item.id,
    sourceId: item.sourceId,
    title: item.title,
    lead: item.text.slice(0, LEAD_CHARS),
    time: item.publishedAt ?? item.fetchedAt,
    url: item.url,
  };
}

function doc(m: StoryMember): ClusterDoc {
  return { id: m.itemId, title: m.title, text: m.lead, time: m.time, sourceId: m.sourceId };
}

/**
 * The member the analyst reads: trade copy that quotes the title beats an all-caps press-release
 * headline; among equals the earliest report.
 */
export function analysisLead(story: Story): StoryMember {
  const score = (m: StoryMember) => (/[‘'"“][^‘’'"“”]{2,80}[’'"”]/.test(m.title) ? 2 : 0) + (m.title !== m.title.toUpperCase() ? 1 : 0);
  return story.members.reduce((best, m) => (score(m) > score(best) ? m : best), story.members[0]!);
}

/** What the analyst is given for a story: its lead item's headline and text, and where else it ran. */
export function storyInput(story: Story, lead: Item | undefined): StoryInput {
  const title = lead?.title ?? story.title;
  const text = lead?.text ?? story.members[0]!.lead;
  return {
    storyId: story.id,
    hash: sha256Hex(`${title}\n${text}`, 32),
    title,
    text,
    publishedAt: lead?.publishedAt ?? story.firstSeenAt,
    url: lead?.url ?? story.members[0]!.url,
    alsoIn: [...new Set(story.members.slice(1).map((m) => m.sourceId))],
  };
}

/**
 * Analyzes the given stored items (or every pending one): clusters them with the stories of the
 * surrounding window, creates stories for the rest, runs the analyst once per new story, stores
 * one event per story and applies release changes. Pending markers are cleared only at the end,
 * so a crash leaves the items to the next run.
 */
export async function analyzeItems(workspace: Workspace, deps: AnalyzeDeps, itemIds?: string[]): Promise<AnalysisReport> {
  const log = deps.log ?? silentLogger;
  const started = Date.now();
  const now = deps.clock.now();
  const ids = itemIds ?? (await deps.analysis.listPending(2000));
  const keepPending = new Set<string>();
  const items = (await deps.items.getItems(ids)).sort((a, b) => (a.publishedAt ?? a.fetchedAt).localeCompare(b.publishedAt ?? b.fetchedAt));
  const usage: AnalystUsage = { requests: 0, promptTokens: 0, completionTokens: 0, cacheHits: 0, fallbacks: 0, budgetFallbacks: 0 };
  const report: AnalysisReport = {
    analyst: deps.analyst.info.kind === 'llm' ? `llm ${deps.analyst.info.model}` : `embedded ${deps.analyst.info.version}`,
    items: items.length, stories: 0, joinedExisting: 0, events: 0, releasesChanged: 0,
    ...usage, budgetFallbacks: 0, storiesAnalyzed: 0, durationMs: 0, eventIds: [],
  };
  if (items.length > 0) {
    const byId = new Map(items.map((i) => [i.id, i]));
    const times = items.map((i) => Date.parse(i.publishedAt ?? i.fetchedAt));
    const windowMs = WINDOW_HOURS * 3_600_000;
    const existing = await deps.analysis.storiesBetween(
      new Date(Math.min(...times) - windowMs).toISOString(),
      new Date(Math.max(...times) + windowMs).toISOString(),
    );
    const known = new Set(existing.flatMap((s) => s.members.map((m) => m.itemId)));
    const fresh = items.filter((i) => !known.has(i.id));
    const clusters = clusterDocs(
      fresh.map((i) => doc(member(i))),
      existing.map((s) => ({ id: s.id, docs: s.members.map(doc) })),
      { windowHours: WINDOW_HOURS, hint: deps.hint ? (d) => deps.hint!({ title: d.title, text: d.text, publishedAt: d.time }) : undefined },
    );
    const storiesById = new Map(existing.map((s) => [s.id, s]));
    const toAnalyze: Story[] = [];
    for (const c of clusters) {
      const added = c.itemIds.filter((id) => byId.has(id) && !known.has(id)).map((id) => member(byId.get(id)!));
      if (added.length === 0 && c.id) {
        const s = storiesById.get(c.id)!;
        if (!s.eventId) toAnalyze.push(s); // analyzed before but its event was never stored
        continue;
      }
      let story: Story;
      if (c.id) {
        const s = storiesById.get(c.id)!;
        story = {
          ...s,
          members: [...s.members, ...added].slice(0, MAX_STORY_MEMBERS),
          lastSeenAt: [s.lastSeenAt, ...added.map((m) => m.time)].sort().at(-1)!,
        };
        report.joinedExisting += added.length;
      } else {
        const times2 = added.map((m) => m.time).sort();
        story = {
          id: `s_${sha256Hex(added[0]!.itemId, 20)}`,
          title: added[0]!.title,
          leadItemId: added[0]!.itemId,
          members: added.slice(0, MAX_STORY_MEMBERS),
          firstSeenAt: times2[0]!,
          lastSeenAt: times2.at(-1)!,
          eventId: null,
          analyzedAt: null,
        };
        report.stories++;
      }
      await deps.analysis.putStory(story);
      if (!story.eventId) toAnalyze.push(story);
    }

    if (toAnalyze.length > 0) {
      const leadIds = toAnalyze.map((s) => analysisLead(s).itemId);
      const leads = await deps.items.getItems(leadIds);
      const leadById = new Map(leads.map((i) => [i.id, i]));
      const inputs = toAnalyze.map((s, i) => storyInput(s, leadById.get(leadIds[i]!)));
      const context = { competitors: workspace.competitors, slate: workspace.slate };
      const { analyses, usage: u } = await deps.analyst.analyze(inputs, context);
      Object.assign(usage, u);
      report.storiesAnalyzed = inputs.length;
      const competitorKeys = studioKeys(workspace.competitors);
      const slateKeys = new Set(workspace.slate.map((s) => titleKey(s.title)));
      for (const [i, a] of analyses.entries()) {
        const story = toAnalyze[i]!;
        const input = inputs[i]!;
        const event: Event = {
          ...a.extraction,
          id: `e_${story.id.slice(2)}`,
          storyId: story.id,
          itemIds: story.members.map((m) => m.itemId),
          publishedAt: input.publishedAt,
          concernsCompetitor: a.extraction.studios.some((s) => competitorKeys.has(titleKey(s))),
          concernsSlate: a.extraction.titles.some((t) => slateKeys.has(titleKey(t))),
          analyst: a.analyst,
          createdAt: now.toISOString(),
          // Per-event cost for the audit trail (`marquee explain`): this story's share of the model call.
          tokens: a.tokens,
        };
        await deps.analysis.putEvent(event);
        // The calendar change before the story is marked analyzed: a crash or a failed write in between leaves
        // the story to the next run (its items stay pending), so a dating, and the collision it makes, is never lost.
        try {
          if (await applyReleaseEvent(event, { text: input.text, headline: input.title, ownStudio: workspace.studio }, deps.analysis, now)) report.releasesChanged++;
        } catch (err) {
          log.warn('release calendar update failed; the story is analyzed again next run', { event: event.id, error: (err as Error).message });
          for (const m of story.members) keepPending.add(m.itemId);
          continue;
        }
        await deps.analysis.putStory({ ...story, eventId: event.id, analyzedAt: now.toISOString() });
        report.events++;
        report.eventIds.push(event.id);
        deps.checkpoint?.('analysis.event');
      }
    }
  }
  await deps.analysis.clearPending(ids.filter((id) => !keepPending.has(id)));
  deps.checkpoint?.('analysis.done');
  Object.assign(report, usage, { budgetFallbacks: usage.budgetFallbacks ?? 0 });
  report.durationMs = Date.now() - started;
  return report;
}
