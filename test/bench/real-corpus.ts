// The real-headline corpus (test/data/real/): records, the split by outlet, and labels in the analyst's terms.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { EventType, PartialDate } from '../../shared/model/event.js';

export const REAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'real');

export const ReleaseKind = z.enum(['theatrical', 'streaming', 'tv', 'digital']);

/** One corpus record (see test/data/real/README.md). */
export const RealRecord = z.object({
  id: z.string().min(1),
  url: z.string().min(1),
  title: z.string().min(1),
  text: z.string().nullable(),
  publishedAt: z.string().nullable(),
  outlet: z.string().min(1),
  source: z.string().min(1),
  medium: z.enum(['film', 'tv', 'streaming', 'industry']),
  label: z.object({
    type: EventType,
    studios: z.array(z.string()),
    titles: z.array(z.string()),
    releaseDate: PartialDate.nullable(),
    previousDate: PartialDate.nullable(),
    kind: ReleaseKind.nullable(),
  }),
});
export type RealRecord = z.infer<typeof RealRecord>;

export const Splits = z.object({
  dev: z.array(z.string()).describe('outlets in the dev split'),
  test: z.array(z.string()).describe('outlets in the test split'),
});
export type Splits = z.infer<typeof Splits>;

/** Reads `corpus.jsonl` (or another file of records), validating every line; a bad line fails with its number. */
export function loadRecords(file = join(REAL_DIR, 'corpus.jsonl')): RealRecord[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => [l, i] as const)
    .filter(([l]) => l.trim())
    .map(([l, i]) => {
      const parsed = RealRecord.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file} line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** The split by outlet. */
export function loadSplits(): Splits {
  return Splits.parse(JSON.parse(readFileSync(join(REAL_DIR, 'splits.json'), 'utf8')));
}

/** Records of one split; an outlet in neither list is an error (every record belongs to exactly one split). */
export function splitRecords(records: readonly RealRecord[], splits: Splits, which: 'dev' | 'test'): RealRecord[] {
  const dev = new Set(splits.dev);
  const test = new Set(splits.test);
  for (const r of records) {
    if (dev.has(r.outlet) === test.has(r.outlet)) throw new Error(`outlet ${r.outlet} (record ${r.id}) must be in exactly one split`);
  }
  return records.filter((r) => (which === 'dev' ? dev : test).has(r.outlet));
}
