// In-memory AnalysisCache for local runs and tests (the DynamoDB-backed one lives with the store).
import type { EventExtraction } from '../../../shared/model/event.js';
import type { AnalysisCache } from '../../../shared/ports/analyst.js';

/** An AnalysisCache in a Map, least-recently-written entries evicted past `maxEntries`; values are copied in and out. */
export class MemoryAnalysisCache implements AnalysisCache {
  private readonly entries = new Map<string, EventExtraction>();

  constructor(private readonly maxEntries = 10_000) {}

  async get(key: string): Promise<EventExtraction | null> {
    const value = this.entries.get(key);
    return value ? structuredClone(value) : null;
  }

  async put(key: string, value: EventExtraction): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, structuredClone(value));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Number of entries (for tests and stats). */
  get size(): number {
    return this.entries.size;
  }
}
