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
  if (which === 'test') return records.filter((r) => test.has(r.outlet));
  return records.filter((r) => dev.has(r.outlet) && !testOutletAddress(r, test));
}

/**
 * Whether a record's address is a TEST outlet's own, filed under another outlet: a Reddit submission of a Variety or
 * TVLine headline, a HuffPost dataset's record at huffingtonpost.com. Its headline is that outlet's writing, so it
 * trains nothing and is scored in neither split (the TEST split measures outlets never trained on).
 */
export function testOutletAddress(r: Pick<RealRecord, 'url' | 'outlet'>, test: ReadonlySet<string>): boolean {
  let host: string;
  try {
    host = new URL(r.url).hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
  return host !== r.outlet && test.has(host);
}
