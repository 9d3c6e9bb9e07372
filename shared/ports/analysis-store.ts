// Store ports for what the analysis produces: stories, events, the release calendar, pending work, the LLM cache.
import type { Story } from '../model/story.js';
import type { Event, EventType } from '../model/event.js';
import type { Release } from '../model/release.js';
import type { AnalysisCache } from './analyst.js';
import type { Page, TimeRange } from './store.js';
import type { ChartSurprise } from '../analysis/boxoffice-series.js';

export interface StoryStore {
  putStory(story: Story): Promise<void>;
  /** Writes stories in batches (25 rows a request). */
  putStories(stories: Story[]): Promise<void>;
  getStory(id: string): Promise<Story | null>;
  /** The stories with these ids (batched reads); ids with no story are absent from the map. */
  getStories(ids: string[]): Promise<Map<string, Story>>;
  /** Stories first seen between two instants (partitioned by day: no scan). */
  storiesBetween(from: string, to: string): Promise<Story[]>;
}

/** Items stored but not analyzed yet: written before the items, cleared after analysis, so none is lost. */
export interface PendingStore {
  markPending(itemIds: string[]): Promise<void>;
  /** Pending item ids (all of them unless `limit`). */
  listPending(limit?: number): Promise<string[]>;
  clearPending(itemIds: string[]): Promise<void>;
}

export interface EventStore {
  putEvent(event: Event): Promise<void>;
  /** Writes events with their index rows in batches (25 rows a request, across events). */
  putEvents(events: Event[]): Promise<void>;
  getEvent(id: string): Promise<Event | null>;
  /** The events with these ids (batched reads); ids with no event are absent from the map. */
  getEvents(ids: string[]): Promise<Map<string, Event>>;
  /** Events published in an ISO week ("2026-W48"), optionally of one type. */
  eventsByWeek(week: string, type?: EventType): Promise<Event[]>;
  eventsByStudio(studio: string, range?: TimeRange): Promise<Page<Event>>;
  eventsByTitle(title: string, range?: TimeRange): Promise<Page<Event>>;
}

export class VersionConflictError extends Error {
  constructor(readonly titleKey: string) {
    super(`release ${titleKey} was changed concurrently`);
    this.name = 'VersionConflictError';
  }
}

export interface ReleaseStore {
  getRelease(titleKey: string): Promise<Release | null>;
  /** Releases by title key, batched (titles without a release are absent). */
  getReleases(titleKeys: string[]): Promise<Map<string, Release>>;
  /** Writes a release if its stored version is still `release.version - 1` (or absent for version 1). */
  putRelease(release: Release): Promise<void>;
  /** Dated releases between two ISO dates (inclusive), by date. */
  releasesBetween(from: string, to: string): Promise<Release[]>;
  /** Every release of the slate (the team's own titles). */
  slateReleases(): Promise<Release[]>;
}

/**
 * Alert candidates that no later run would derive again (a surprise on a chart a newer one
 * replaced): kept until their alert is sent, one row each.
 */
export interface PendingAlertStore {
  putPendingSurprises(surprises: ChartSurprise[]): Promise<void>;
  listPendingSurprises(): Promise<ChartSurprise[]>;
  clearPendingSurprises(surprises: Array<Pick<ChartSurprise, 'title' | 'start'>>): Promise<void>;
}

export type AnalysisStore = StoryStore & PendingStore & EventStore & ReleaseStore & AnalysisCache & PendingAlertStore;
