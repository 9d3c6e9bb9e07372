// Counter-programming brief port: drafts are written once per situation, a human's approve/dismiss is kept.
import type { CounterBrief } from '../model/counter-brief.js';
import type { Page, TimeRange } from './store.js';

export interface BriefStore {
  /** Writes a new draft; an existing brief with the same id (and its review) is left as it is. Returns whether it was new. */
  putBriefIfNew(brief: CounterBrief): Promise<boolean>;
  getBrief(id: string): Promise<CounterBrief | null>;
  /** Which of these brief ids exist (batched reads of their keys only). */
  existingIds(ids: string[]): Promise<Set<string>>;
  /** Newest first. */
  listBriefs(range?: Pick<TimeRange, 'limit' | 'cursor'> & { status?: CounterBrief['status'] }): Promise<Page<CounterBrief>>;
  /** Records a human decision; null when there is no such brief. */
  reviewBrief(id: string, review: { status: 'approved' | 'dismissed' | 'draft'; by: string; at: string; note: string | null }): Promise<CounterBrief | null>;
}
