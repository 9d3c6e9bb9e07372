// SourceState: what the crawler remembers about one source between runs (validators, health, backoff).
import { z } from 'zod';

export const SourceStatus = z.enum(['ok', 'not_modified', 'error', 'skipped']);
export type SourceStatus = z.infer<typeof SourceStatus>;

export const SourceState = z.object({
  sourceId: z.string(),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
  bodyHash: z.string().nullable().default(null).describe('Hash of the last parsed body: an unchanged body is not parsed again'),
  lastStatus: SourceStatus.nullable().default(null),
  lastAttemptAt: z.string().nullable().default(null),
  lastSuccessAt: z.string().nullable().default(null),
  consecutiveFailures: z.number().int().default(0),
  nextDueAt: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null).describe('Plain-words reason of the last failure'),
  lastErrorCode: z.string().nullable().default(null),
  itemsTotal: z.number().int().default(0),
  lastSnapshotKey: z.string().nullable().default(null),
});
export type SourceState = z.infer<typeof SourceState>;

/** A fresh state for a source never crawled before. */
export function emptySourceState(sourceId: string): SourceState {
  return SourceState.parse({ sourceId });
}
