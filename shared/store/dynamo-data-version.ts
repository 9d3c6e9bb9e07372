// DynamoDB adapter of the data version: one small row (META / dataversion) rewritten with a new token after visible writes.
import { randomUUID } from 'node:crypto';
import type { DataVersion } from '../ports/data-version.js';
import type { DynamoTable } from './dynamo-table.js';

const PK = 'META';
const SK = 'dataversion';

/** The data version of a table; concurrent bumps of one process share one row write. */
export class DynamoDataVersion implements DataVersion {
  local = 0;
  private writing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly t: DynamoTable) {}

  async current(): Promise<string> {
    const row = await this.t.get(PK, SK);
    return typeof row?.token === 'string' ? row.token : 'none';
  }

  bump(): Promise<void> {
    this.local++;
    // A write already in flight may have read its token before this caller's data landed: queue one more after it.
    if (!this.queued) {
      const after = this.writing ?? Promise.resolve();
      const next: Promise<void> = after
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          this.writing = next;
          return this.t.put({ pk: PK, sk: SK, entity: 'dataversion', token: `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}` });
        })
        .finally(() => {
          if (this.writing === next) this.writing = null;
        });
      this.queued = next;
    }
    return this.queued;
  }
}

const versions = new WeakMap<DynamoTable, DynamoDataVersion>();

/** The one data version of a table in this process (every adapter over the table bumps the same one). */
export function dataVersionOf(t: DynamoTable): DynamoDataVersion {
  let v = versions.get(t);
  if (!v) versions.set(t, (v = new DynamoDataVersion(t)));
  return v;
}
