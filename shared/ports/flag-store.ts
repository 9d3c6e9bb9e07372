// Feedback port: flags as recorded, listable, reviewable; open flags keep their events out of new briefs.
import type { Flag } from '../model/flag.js';

export interface FlagStore {
  putFlag(flag: Flag): Promise<void>;
  /** Writes the flag unless one with its id exists (a replayed link); true when written. */
  putFlagIfNew(flag: Flag): Promise<boolean>;
  /** Newest first (all of them: flags are few). */
  listFlags(): Promise<Flag[]>;
  markReviewed(id: string, at: string): Promise<Flag | null>;
}
