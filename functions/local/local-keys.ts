// API keys on one machine: the store's keys plus a stamp file in the data dir that changes on every create or revoke,
// so a running server (another process) drops its cached keys at once — a revoked key is refused on the next request.
import { renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiKeyRecord, KeyStore } from '../../shared/ports/key-store.js';

export const KEYS_STAMP_FILE = 'keys.changed';

export class LocalKeyStore implements KeyStore {
  private local = 0;
  private readonly stamp: string | null;

  /** `dataDir` null (in-memory runs): changes are seen by this process only. */
  constructor(
    private readonly inner: KeyStore,
    dataDir: string | null,
  ) {
    this.stamp = dataDir ? join(dataDir, KEYS_STAMP_FILE) : null;
  }

  /** Changes whenever a key was created or revoked, by this process or another one on the same data dir. */
  generation = (): string => {
    const st = this.stamp ? statSync(this.stamp, { throwIfNoEntry: false }) : undefined;
    return `${this.local}:${st ? `${st.ino}:${st.mtimeMs}` : '-'}`;
  };

  private changed(): void {
    this.local++;
    if (!this.stamp) return;
    // A new file each time (write, then rename): its inode changes even within one mtime tick.
    const tmp = `${this.stamp}.${process.pid}.tmp`;
    writeFileSync(tmp, `${new Date().toISOString()}\n`);
    renameSync(tmp, this.stamp);
  }

  async putKey(record: ApiKeyRecord): Promise<void> {
    await this.inner.putKey(record);
    this.changed();
  }

  async revokeKey(id: string, at: string): Promise<ApiKeyRecord | null> {
    const r = await this.inner.revokeKey(id, at);
    this.changed();
    return r;
  }

  getKey(id: string) {
    return this.inner.getKey(id);
  }

  listKeys() {
    return this.inner.listKeys();
  }

  recordUse(id: string, at: string) {
    return this.inner.recordUse(id, at);
  }

  lastUsed(ids: string[]) {
    return this.inner.lastUsed(ids);
  }
}
