// SourceState: what the crawler remembers about one source between runs (validators, health, backoff).
// zod/mini, like item.ts: the crawl worker reads and writes source states and must stay small.
import * as z from 'zod/mini';

export const SourceStatus = z.enum(['ok', 'not_modified', 'error', 'skipped']);
export type SourceStatus = z.infer<typeof SourceStatus>;

const nullableString = (description?: string) => {
  const schema = z._default(z.nullable(z.string()), null);
  return description ? schema.check(z.describe(description)) : schema;
};
const count = () => z._default(z.number().check(z.int()), 0);

export const SourceState = z.object({
  sourceId: z.string(),
  etag: nullableString(),
  lastModified: nullableString(),
  bodyHash: nullableString('Hash of the last parsed body: an unchanged body is not parsed again'),
  lastStatus: z._default(z.nullable(SourceStatus), null),
  lastAttemptAt: nullableString(),
  lastSuccessAt: nullableString(),
  consecutiveFailures: count(),
  nextDueAt: nullableString(),
  lastError: nullableString('Plain-words reason of the last failure'),
  lastErrorCode: nullableString(),
  itemsTotal: count(),
  lastSnapshotKey: nullableString(),
  lastWarnings: z
    ._default(z.array(z.string()), [])
    .check(z.describe('Warnings of the last parse (a repaired or recovered feed, a charset the bytes overruled); the source still succeeded')),
});
export type SourceState = z.infer<typeof SourceState>;

/** A fresh state for a source never crawled before. */
export function emptySourceState(sourceId: string): SourceState {
  return SourceState.parse({ sourceId });
}
