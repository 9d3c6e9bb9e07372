// Shared fixtures of the alert unit tests: a workspace, events and stories, an in-memory ledger and event store, a recording chat.
import { Workspace } from '../../../shared/model/workspace.js';
import type { Event } from '../../../shared/model/event.js';
import type { Story } from '../../../shared/model/story.js';
import type { ClaimResult, IdempotencyLedger } from '../../../shared/ports/ledger.js';
import type { ChatMessage, ChatPosted, ChatPoster } from '../../../shared/ports/chat.js';
import type { SendAlertsDeps } from '../../../shared/delivery/alerts/send-alerts.js';
import type { EventStore } from '../../../shared/ports/analysis-store.js';
import { ChatUnavailableError } from '../../../shared/delivery/chat/errors.js';
import { isoWeekOf } from '../../../shared/util/week.js';

export const NOW = new Date('2026-11-26T20:00:00Z');

export function workspace(alerts: Record<string, unknown> = {}): Workspace {
  return Workspace.parse({
    name: 'Harbor Light — Intel',
    studio: 'Harbor Light Pictures',
    timezone: 'America/Los_Angeles',
    sources: [
      { id: 'deadline-wire', name: 'Deadline Wire', kind: 'rss', url: 'https://deadline.example/feed' },
      { id: 'variety-insider', name: 'Variety Insider', kind: 'rss', url: 'https://variety.example/feed' },
      { id: 'collider', name: 'Collider Chronicle', kind: 'rss', url: 'https://collider.example/feed' },
    ],
    competitors: [{ name: 'Universal Pictures', aliases: ['Universal', 'Illumination'] }, { name: 'Lionsgate' }],
    slate: [{ title: 'The Lantern Keeper', releaseDate: '2026-12-11', genres: ['Family'] }],
    alerts,
  });
}

let n = 0;
export function event(over: Partial<Event> = {}): Event {
  n++;
  const storyId = over.storyId ?? `s_${n}`;
  return {
    id: `e_${storyId.slice(2)}`,
    storyId,
    type: 'release_moved',
    studios: ['Universal Pictures'],
    titles: ['Skyward Sprocket'],
    people: [],
    releaseDate: '2026-12-11',
    previousDate: '2026-12-25',
    money: [],
    sentiment: 0,
    summary: "Universal moves 'Skyward Sprocket' up two weeks to Dec. 11.",
    itemIds: [`i_${n}`],
    publishedAt: '2026-11-25T18:00:00.000Z',
    concernsCompetitor: true,
    concernsSlate: false,
    analyst: { kind: 'embedded', version: 'test' },
    createdAt: '2026-11-26T19:00:00.000Z',
    ...over,
  };
}

/** A story with one member per outlet named (the first is the lead). */
export function story(id: string, title: string, outlets: Array<[sourceId: string, url: string | null]>): Story {
  return {
    id,
    title,
    leadItemId: `${id}-0`,
    members: outlets.map(([sourceId, url], i) => ({
      itemId: `${id}-${i}`,
      sourceId,
      title: i === 0 ? title : `${title} (${sourceId})`,
      lead: '',
      time: new Date(Date.parse('2026-11-25T18:00:00Z') + i * 60_000).toISOString(),
      url,
    })),
    firstSeenAt: '2026-11-25T18:00:00.000Z',
    lastSeenAt: '2026-11-25T18:05:00.000Z',
    eventId: null,
    analyzedAt: null,
  };
}

export class MemoryLedger implements IdempotencyLedger {
  rows = new Map<string, { status: 'in_progress' | 'done'; result?: Record<string, unknown> }>();
  claims: string[] = [];
  async claim(key: string): Promise<ClaimResult> {
    this.claims.push(key);
    const row = this.rows.get(key);
    if (row?.status === 'done') return { status: 'done', completedAt: NOW.toISOString(), result: row.result ?? null };
    if (row) return { status: 'in_progress', leaseUntil: '2026-11-26T20:15:00Z' };
    this.rows.set(key, { status: 'in_progress' });
    return { status: 'claimed' };
  }
  async complete(key: string, result?: Record<string, unknown>) {
    this.rows.set(key, { status: 'done', result });
  }
  async release(key: string) {
    if (this.rows.get(key)?.status === 'in_progress') this.rows.delete(key);
  }
  async markSending(key: string) {
    return this.rows.get(key)?.status === 'in_progress';
  }
  async abandon(key: string) {
    // An unknown outcome: the next claim may take it at once (these fakes have no leases).
    if (this.rows.get(key)?.status === 'in_progress') this.rows.delete(key);
  }
}

export function memoryAnalysis(events: Event[], stories: Story[]): SendAlertsDeps['analysis'] & Pick<EventStore, 'eventsByWeek'> {
  return {
    getEvents: async (ids) => new Map(events.filter((e) => ids.includes(e.id)).map((e) => [e.id, e])),
    eventsByWeek: async (week) => events.filter((e) => isoWeekOf(e.publishedAt ?? e.createdAt) === week),
    getStories: async (ids) => new Map(stories.filter((s) => ids.includes(s.id)).map((s) => [s.id, s])),
  };
}

/** A chat that records messages; `failures` first posts throw like an exhausted Slack outage. */
export function recordingChat(failures = 0): ChatPoster & { posted: ChatMessage[]; calls: number } {
  const chat = {
    posted: [] as ChatMessage[],
    calls: 0,
    async post(m: ChatMessage): Promise<ChatPosted> {
      chat.calls++;
      if (failures-- > 0) throw new ChatUnavailableError('Slack answered HTTP 500 5 time(s)', 'server_error', { status: 500, attempts: 5 });
      chat.posted.push(m);
      return { id: `m${chat.posted.length}`, attempts: 1 };
    },
  };
  return chat;
}
