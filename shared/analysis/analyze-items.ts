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
import { DEFAULT_WINDOW_HOURS, StoryClusterer, docFeatures, indexedDoc, type ClusterHint, type DocFeatures, type OpenStory } from './cluster.js';
import { applyReleaseEvents } from './release-calendar.js';
import { sha256Hex, titleKey } from '../util/text.js';
import { studioKeys } from './studio-keys.js';

export interface AnalyzeDeps {
  items: ItemStore;
  analysis: AnalysisStore;
  analyst: Analyst;
  clock: Clock;
  /** Cheap per-item hints (event type, titles) that sharpen clustering; the embedded rules fit. */
  hint?: (doc: { title: string; text: string; publishedAt: string | null }) => ClusterHint;
  /** Reads the hints of documents ahead, beside this thread (the local runtime's second core); `hint` then finds them read. */
  readAhead?: (docs: Array<{ title: string; text: string; publishedAt: string | null }>) => Promise<void>;
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
  /** Where the time went (ms): reading items and stories, hints, clustering, the analyst, writing results. */
  phases: { read: number; hints: number; cluster: number; analyst: number; write: number };
  /** Ids of the events created by this run (for alerting). */
  eventIds: string[];
  /** Items left pending because the run stopped at its time limit (`timeLeftMs`); 0 when everything was analyzed. */
  remaining: number;
}

export interface AnalyzeOptions {
  /**
   * Time left to this run (ms), asked between batches: when less than the last batch took, the run stops there and
   * the rest stays pending (`remaining`), for the next run. Without it, everything is analyzed.
   */
  timeLeftMs?: () => number;
  /** Items per batch (default ANALYSIS_BATCH). */
  batchSize?: number;
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

function itemTime(item: Item): string {
  return item.publishedAt ?? item.fetchedAt;
}

/** What the hint reads of an item: all of it, as the analyst does (the embedded rules then read it once for both). */
function hintInput(item: Item) {
  return { title: item.title, text: item.text, publishedAt: item.publishedAt ?? item.fetchedAt };
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

/** Items per batch: what one batch holds in memory (items, their stories, the analyst's inputs). */
export const ANALYSIS_BATCH = 500;

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Day ranges (inclusive, ISO dates) covering `days`, each a run of consecutive days. */
function dayRanges(days: string[]): Array<[string, string]> {
  const sorted = [...new Set(days)].sort();
  const out: Array<[string, string]> = [];
  for (const d of sorted) {
    const last = out.at(-1);
    if (last && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${last[1]}T00:00:00Z`) <= 86_400_000) last[1] = d;
    else out.push([d, d]);
  }
  return out;
}

/**
 * Analyzes the given stored items (or everything pending: no cap, no backlog). Items go in time
 * order in bounded batches; each joins a story of the surrounding window (stories stored by earlier
 * runs are read only for the days around the batch, with the clustering features stored on their
 * members) or starts one; the analyst runs once per new story; events, release changes and stories
 * are written in batches. Pending markers are cleared at the end, so a crash leaves everything to
 * the next run (which skips what is already in stored stories).
 */
export async function analyzeItems(workspace: Workspace, deps: AnalyzeDeps, itemIds?: string[], options: AnalyzeOptions = {}): Promise<AnalysisReport> {
  const log = deps.log ?? silentLogger;
  const started = Date.now();
  const now = deps.clock.now();
  const fromPending = itemIds === undefined;
  const ids = [...new Set(itemIds ?? (await deps.analysis.listPending()))];
  const keepPending = new Set<string>();
  const usage: AnalystUsage = { requests: 0, promptTokens: 0, completionTokens: 0, cacheHits: 0, fallbacks: 0, budgetFallbacks: 0 };
  const report: AnalysisReport = {
    analyst: deps.analyst.info.kind === 'llm' ? `llm ${deps.analyst.info.model}` : `embedded ${deps.analyst.info.version}`,
    items: 0, stories: 0, joinedExisting: 0, events: 0, releasesChanged: 0,
    ...usage, budgetFallbacks: 0, storiesAnalyzed: 0, durationMs: 0, phases: { read: 0, hints: 0, cluster: 0, analyst: 0, write: 0 }, eventIds: [], remaining: 0,
  };
  const phases = report.phases;
  const timed = async <T>(phase: keyof AnalysisReport['phases'], work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      phases[phase] += performance.now() - t0;
    }
  };
  // Time order for the whole set, from ids and times only (a projection): memory stays bounded.
  const byTime = (await timed('read', () => deps.items.itemTimes(ids))).sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
  report.items = byTime.length;
  const windowMs = WINDOW_HOURS * 3_600_000;
  const clusterer = new StoryClusterer({ windowHours: WINDOW_HOURS });
  const storyOf = new Map<OpenStory, Story>();
  const storedIds = new Set<string>();
  const loadedDays = new Set<string>();
  const hint = deps.hint;
  const featuresOf = (m: StoryMember): DocFeatures =>
    m.features
      ? { ...m.features, tokens: m.features.tokens ? m.features.tokens.split(' ') : [] }
      : docFeatures({ title: m.title, text: m.lead }, hint?.({ title: m.title, text: m.lead, publishedAt: m.time }));
  const context = { competitors: workspace.competitors, slate: workspace.slate };
  const competitorKeys = studioKeys(workspace.competitors);
  const slateKeys = new Set(workspace.slate.map((s) => titleKey(s.title)));

  const batches: string[][] = [];
  const batchSize = options.batchSize ?? ANALYSIS_BATCH;
  for (let b = 0; b < byTime.length; b += batchSize) batches.push(byTime.slice(b, b + batchSize).map((x) => x.id));
  // The next batch is fetched and its hints read ahead (when a reader is configured) while this one is processed.
  const load = async (batchIds: string[], ahead: boolean) => {
    const loaded = (await deps.items.getItems(batchIds)).sort((x, y) => itemTime(x).localeCompare(itemTime(y)) || x.id.localeCompare(y.id));
    if (ahead) await deps.readAhead?.(loaded.map(hintInput));
    return loaded;
  };
  let next = batches.length > 0 ? load(batches[0]!, false) : null;
  let batchMs = 0;
  for (let b = 0; b < batches.length; b++) {
    if (b > 0 && options.timeLeftMs && options.timeLeftMs() < batchMs) {
      // Out of time: the rest stays pending for the next run (which goes on in time order from here).
      const rest = batches.slice(b).flat();
      for (const id of rest) keepPending.add(id);
      report.remaining = rest.length;
      report.items = byTime.length - rest.length;
      await next?.catch(() => undefined);
      log.warn('analysis stopped at its time limit; the rest stays pending', { analyzed: byTime.length - rest.length, remaining: rest.length });
      break;
    }
    const batchStarted = performance.now();
    const items = await timed('read', () => next!);
    next = b + 1 < batches.length ? load(batches[b + 1]!, true) : null;
    const times = items.map((i) => Date.parse(itemTime(i)));
    for (const gone of clusterer.evictBefore(Math.min(...times))) storyOf.delete(gone);

    // Stories stored by earlier runs on the days around this batch (each day read once per run).
    const days: string[] = [];
    for (const t of times) for (let d = t - windowMs; d <= t + windowMs + 86_399_999; d += 86_400_000) if (!loadedDays.has(dayOf(d))) days.push(dayOf(d));
    // Stories to analyze, by id, with the open story that holds their current version.
    const toAnalyze = new Map<string, OpenStory>();
    for (const [from, to] of dayRanges(days)) {
      for (let d = from; d <= to; d = dayOf(Date.parse(`${d}T00:00:00Z`) + 86_400_000)) loadedDays.add(d);
      for (const story of await timed('read', () => deps.analysis.storiesBetween(`${from}T00:00:00.000Z`, `${to}T23:59:59.999Z`))) {
        if (storedIds.has(story.id)) continue;
        storedIds.add(story.id);
        const open = clusterer.addStory(story.id, story.members.map((m) => indexedDoc(m.itemId, m.time, featuresOf(m))));
        storyOf.set(open, story);
        if (!story.eventId) toAnalyze.set(story.id, open); // stored before, but its event never was
      }
    }
    const known = new Set<string>();
    for (const st of storyOf.values()) for (const m of st.members) known.add(m.itemId);

    // Cluster the batch: every new document joins the best open story or starts one.
    const fresh = items.filter((i) => !known.has(i.id));
    const members = fresh.map(member);
    const docs = await timed('hints', () => fresh.map((i, k) => {
      const m = members[k]!;
      // The hint reads the whole item, as the analyst does: with the embedded rules, one reading serves both.
      const f = docFeatures({ title: m.title, text: m.lead }, hint?.(hintInput(i)));
      m.features = { ...f, tokens: f.tokens.join(' ') };
      return indexedDoc(m.itemId, m.time, f);
    }));
    clusterer.count(docs);
    const touched = new Map<OpenStory, StoryMember[]>();
    await timed('cluster', () =>
      docs.forEach((d, k) => {
        const open = clusterer.assign(d);
        touched.set(open, [...(touched.get(open) ?? []), members[k]!]);
      }),
    );
    const changed: Story[] = [];
    for (const [open, added] of touched) {
      const s = storyOf.get(open);
      let story: Story;
      if (s) {
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
      storyOf.set(open, story);
      if (!story.eventId) toAnalyze.set(story.id, open);
      else changed.push(story);
    }

    // The analyst, once per new story; then events, release changes and stories, each batched.
    const analyzed: Story[] = [];
    if (toAnalyze.size > 0) {
      const opens = [...toAnalyze.values()];
      const current = opens.map((o) => storyOf.get(o)!);
      const leadIds = current.map((s) => analysisLead(s).itemId);
      const leadById = new Map(items.map((i) => [i.id, i]));
      for (const i of await timed('read', () => deps.items.getItems(leadIds.filter((id) => !leadById.has(id))))) leadById.set(i.id, i);
      const inputs = current.map((s, i) => storyInput(s, leadById.get(leadIds[i]!)));
      const { analyses, usage: u } = await timed('analyst', () => deps.analyst.analyze(inputs, context));
      for (const k of Object.keys(usage) as Array<keyof AnalystUsage>) usage[k] = (usage[k] ?? 0) + (u[k] ?? 0);
      report.storiesAnalyzed += inputs.length;
      const events: Event[] = analyses.map((a, i) => {
        const story = current[i]!;
        return {
          ...a.extraction,
          id: `e_${story.id.slice(2)}`,
          storyId: story.id,
          itemIds: story.members.map((m) => m.itemId),
          publishedAt: inputs[i]!.publishedAt,
          concernsCompetitor: a.extraction.studios.some((s) => competitorKeys.has(titleKey(s))),
          concernsSlate: a.extraction.titles.some((t) => slateKeys.has(titleKey(t))),
          analyst: a.analyst,
          createdAt: now.toISOString(),
          // Per-event cost for the audit trail (`marquee explain`): this story's share of the model call.
          tokens: a.tokens,
        };
      });
      await timed('write', () => deps.analysis.putEvents(events));
      for (const event of events) {
        report.events++;
        report.eventIds.push(event.id);
        deps.checkpoint?.('analysis.event');
      }
      // The calendar changes before the stories are marked analyzed: a failed write in between leaves the
      // batch's stories to the next run (their items stay pending), so a dating, and the collision it makes, is never lost.
      let calendarFailed = false;
      try {
        const applied = await timed('write', () =>
          applyReleaseEvents(events.map((event, i) => ({ event, context: { text: inputs[i]!.text, headline: inputs[i]!.title, ownStudio: workspace.studio } })), deps.analysis, now),
        );
        report.releasesChanged += applied.filter(Boolean).length;
      } catch (err) {
        log.warn('release calendar update failed; the stories are analyzed again next run', { events: events.length, error: (err as Error).message });
        calendarFailed = true;
      }
      for (const [i, story] of current.entries()) {
        if (calendarFailed) {
          for (const m of story.members) keepPending.add(m.itemId);
          analyzed.push(story);
          continue;
        }
        const done = { ...story, eventId: events[i]!.id, analyzedAt: now.toISOString() };
        analyzed.push(done);
        storyOf.set(opens[i]!, done);
      }
    }
    // Stories last: a story with its event id is the mark that its analysis is complete.
    await timed('write', () => deps.analysis.putStories([...changed, ...analyzed]));
    batchMs = performance.now() - batchStarted;
  }
  // Pending markers go once everything listed is analyzed (and ids whose item was never stored: a
  // duplicate marked before the store refused it). A crash before leaves them all to the next run,
  // which finds the items already in stored stories and skips them.
  const cleared = ids.filter((id) => !keepPending.has(id));
  if (fromPending && cleared.length > 0) await timed('write', () => deps.analysis.clearPending(cleared));
  deps.checkpoint?.('analysis.done');
  Object.assign(report, usage, { budgetFallbacks: usage.budgetFallbacks ?? 0 });
  for (const k of Object.keys(phases) as Array<keyof typeof phases>) phases[k] = Math.round(phases[k]);
  report.durationMs = Date.now() - started;
  return report;
}
