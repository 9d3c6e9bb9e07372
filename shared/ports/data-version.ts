// Data version port: a token that changes whenever a write the query side can see lands (events, releases, charts,
// source states, digests, interest), so a read model can follow the data without re-reading it on every request.

export interface DataVersion {
  /** Writes in this process since it started: changes at once, with no store read (the same process's cycle). */
  readonly local: number;
  /** The stored token (one small read): changes with every visible write of any process or function. */
  current(): Promise<string>;
  /** Called by writers after a visible write has landed. */
  bump(): Promise<void>;
}
