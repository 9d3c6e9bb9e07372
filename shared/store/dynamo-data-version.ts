// DynamoDB adapter of the data version: one small row (META / dataversion) rewritten with a new token after visible
// writes — at most once a second per process, so a cycle's thousands of writes cost a handful of version writes.
import { randomUUID } from 'node:crypto';
import type { DataVersion } from '../ports/data-version.js';
import type { DynamoTable } from './dynamo-table.js';

const PK = 'META';
const SK = 'dataversion';

/**
 * The data version of a table. The first bump after a quiet second writes the row before it returns; bumps within the
 * next second share one more write a second later (a timer that keeps the process alive until it lands; `flush` writes
 * it at once). So the stored token changes after every visible write, at most a second late, and readers that saw a
 * token re-read the data the writes before it left.
 */
export class DynamoDataVersion implements DataVersion {
  local = 0;
  private lastStart = -Infinity;
  private writing: Promise<void> | null = null;
  private trailing: { timer: ReturnType<typeof setTimeout>; done: Promise<void>; run: () => void } | null = null;

  constructor(
    private readonly t: DynamoTable,
    private readonly intervalMs = 1000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  async current(): Promise<string> {
    const row = await this.t.get(PK, SK);
    return typeof row?.token === 'string' ? row.token : 'none';
  }

  bump(): Promise<void> {
    this.local++;
    if (this.trailing) return Promise.resolve(); // a later write is already due and will cover this one
    const wait = this.lastStart + this.intervalMs - this.clock();
    if (wait <= 0 && !this.writing) {
      // The data landed; a failed version write must not fail its writer (a retried conditional write would conflict):
      // the next bump, a second later at most, writes the version again.
      return this.write().catch(() => {
        this.lastStart = -Infinity;
      });
    }
    // A write started less than a second ago (or is in flight): one more, a second after it, covers every bump till then.
    let run!: () => void;
    const done = new Promise<void>((resolve) => {
      run = () => {
        clearTimeout(timer);
        this.trailing = null;
        const after = this.writing ?? Promise.resolve();
        // Failures are the writers' own concern no more: the next bump writes again.
        void after.then(() => this.write()).catch(() => undefined).then(resolve);
      };
    });
    const timer = setTimeout(() => run(), Math.max(0, wait));
    this.trailing = { timer, done, run };
    return Promise.resolve();
  }

  /** Writes a pending version now (before this process closes its store). */
  async flush(): Promise<void> {
    const pending = this.trailing;
    if (pending) {
      pending.run();
      await pending.done;
    }
    await this.writing?.catch(() => undefined);
  }

  private write(): Promise<void> {
    this.lastStart = this.clock();
    const p = this.t
      .put({ pk: PK, sk: SK, entity: 'dataversion', token: `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}` })
      .finally(() => {
        if (this.writing === p) this.writing = null;
      });
    this.writing = p;
    return p;
  }
}

const versions = new WeakMap<DynamoTable, DynamoDataVersion>();

/** The one data version of a table in this process (every adapter over the table bumps the same one). */
export function dataVersionOf(t: DynamoTable): DynamoDataVersion {
  let v = versions.get(t);
  if (!v) versions.set(t, (v = new DynamoDataVersion(t)));
  return v;
}
