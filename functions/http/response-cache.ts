// A small TTL + LRU cache of JSON responses: the store changes once a crawl cycle, strategists re-read the same views.

export class ResponseCache {
  private readonly entries = new Map<string, { at: number; status: number; body: string | Uint8Array; value?: unknown }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): { status: number; body: string | Uint8Array; value?: unknown } | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (this.now() - e.at >= this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    // Re-insert: Map order is the LRU order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Keeps a body (and, when given, the value it serializes, handed back on a hit instead of parsing the body). */
  set(key: string, status: number, body: string | Uint8Array, value?: unknown): void {
    if (!this.enabled) return;
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), status, body, ...(value === undefined ? {} : { value }) });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
