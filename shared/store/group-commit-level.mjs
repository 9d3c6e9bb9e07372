// LevelDB as the embedded store's process uses it: a group commit for writes and synchronous point reads.
// Plain JavaScript (the store's process starts without a loader). Used by dynalite-process.mjs; tested in
// test/unit/store/group-commit-level.test.ts.
//
// Most of the store's CPU went to LevelDB calls (bench:scale's store profile at 50×: get 5.9 s and put 3.2 s of
// ~21 s busy), each paying a round trip through the thread pool (~30 µs):
// - Point reads are synchronous (`getSync`): from LevelDB's cache they cost a few µs, and the store's process
//   serves nothing else while it waits. dynalite reads the table's definition and a row's old version before
//   every write, so reads are most of its calls (for a new row the read finds nothing).
// - Writes made in the same turn of the event loop are committed as one LevelDB batch. Each write's promise
//   settles once its batch is written, so an acknowledged request is in LevelDB as before; a failed batch fails
//   every write in it. A read that meets a write still queued or being written returns that write (the write is
//   ordered first); reads LevelDB cannot be served that way (a snapshot, other encodings, getMany) wait for the
//   writes queued before them.

/**
 * The `Level` class given, with writes grouped into batches and point reads made synchronous. `options` are
 * merged into every instance's open options (e.g. a larger write buffer and block cache).
 */
export function groupCommitLevel(Base, options = {}) {
  return class GroupCommitLevel extends Base {
    /** Writes queued for the next batch: encoded key → the latest value queued (null: a delete). */
    #queued = new Map();
    /** The batch being written, the same way, until LevelDB has it. */
    #inFlight = null;
    #ops = [];
    #waiters = [];
    #scheduled = false;
    /** Settles (never rejects) when the batch being written is in LevelDB or failed. */
    #flushing = null;

    constructor(location, opts) {
      super(location, { ...opts, ...options });
    }

    async _get(key, options) {
      if ((this.#queued.size > 0 || this.#inFlight) && !options.snapshot) {
        const writes = [this.#queued, this.#inFlight].find((w) => w?.has(key));
        const value = writes?.get(key);
        if (typeof value === 'string' && options.valueEncoding === 'utf8') return value;
        if (value === null) return undefined; // deleted
        if (writes || typeof key !== 'string') await this.#flushed(); // a write this cannot serve: read it from LevelDB
      }
      return this._getSync(key, options);
    }

    async _getMany(keys, options) {
      await this.#flushed();
      return super._getMany(keys, options);
    }

    async _put(key, value) {
      return this.#enqueue([{ type: 'put', key, value }]);
    }

    async _del(key) {
      return this.#enqueue([{ type: 'del', key }]);
    }

    async _batch(operations) {
      return this.#enqueue(operations.map(({ type, key, value }) => (type === 'put' ? { type, key, value } : { type, key })));
    }

    async _close() {
      await this.#flushed();
      return super._close();
    }

    #enqueue(operations) {
      for (const op of operations) {
        this.#ops.push(op);
        if (typeof op.key === 'string' && (op.type === 'del' || typeof op.value === 'string')) this.#queued.set(op.key, op.type === 'put' ? op.value : null);
        else this.#queued.set(op.key, undefined); // not servable from here: such a read waits for the batch
      }
      const done = new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
      this.#schedule();
      return done;
    }

    #schedule() {
      if (this.#scheduled || this.#flushing) return; // a batch being written schedules the next when it ends
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        void this.#flush();
      });
    }

    /** Settles when every write queued so far is in LevelDB (or failed). */
    async #flushed() {
      while (this.#ops.length > 0 || this.#flushing) {
        if (this.#flushing) await this.#flushing;
        else await this.#flush();
      }
    }

    async #flush() {
      if (this.#flushing || this.#ops.length === 0) return;
      const ops = this.#ops;
      const waiters = this.#waiters;
      this.#inFlight = this.#queued;
      this.#ops = [];
      this.#waiters = [];
      this.#queued = new Map();
      const written = super._batch(ops, {});
      this.#flushing = written.then(() => undefined, () => undefined);
      try {
        await written;
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      } finally {
        this.#flushing = null;
        this.#inFlight = null;
        if (this.#ops.length > 0) this.#schedule();
      }
    }
  };
}
