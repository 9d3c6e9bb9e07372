// Imports recorded channel snapshots (JSON lines, one crawl of one channel each) through the same writer the crawl
// uses, once per archive: how a team brings the history an earlier tracker kept, and how the demo gets its past.
import type { ChannelInfo, OpeningForecast, VideoStat } from '../model/interest.js';
import type { IdempotencyLedger } from '../ports/ledger.js';
import type { ForecastStore, InterestWriter } from '../ports/interest-store.js';
import { sha256Hex } from '../util/text.js';

/** One line of an archive: what one crawl of one channel recorded, or a forecast made then (`{ forecast }`). */
export interface ArchivedSnapshot {
  sourceId: string;
  studio: string | null;
  observedAt: string;
  channel: ChannelInfo;
  videos: VideoStat[];
}

export interface ArchiveImport {
  status: 'imported' | 'already_imported' | 'in_progress';
  snapshots: number;
  counts: number;
}

/**
 * Records every snapshot of the archive, claimed in the ledger by the archive's hash first, so a second run (or a
 * concurrent one) does not import it again. A failed import releases the claim; rows already written are rewritten
 * identically by the retry.
 */
export async function importInterestArchive(text: string, deps: { interest: InterestWriter & Pick<ForecastStore, 'putForecast'>; ledger: IdempotencyLedger }): Promise<ArchiveImport> {
  const key = `interest-archive:${sha256Hex(text, 24)}`;
  const claim = await deps.ledger.claim(key, 900);
  if (claim.status === 'done') return { status: 'already_imported', snapshots: Number(claim.result?.snapshots ?? 0), counts: Number(claim.result?.counts ?? 0) };
  if (claim.status === 'in_progress') return { status: 'in_progress', snapshots: 0, counts: 0 };
  try {
    let snapshots = 0;
    let counts = 0;
    const lines = text.split('\n').filter((l) => l.trim());
    for (const [i, line] of lines.entries()) {
      let s: ArchivedSnapshot | { forecast: OpeningForecast };
      try {
        s = JSON.parse(line) as ArchivedSnapshot;
      } catch {
        throw new Error(`interest archive line ${i + 1} is not JSON`);
      }
      if ('forecast' in s) {
        await deps.interest.putForecast((s as { forecast: OpeningForecast }).forecast);
        continue;
      }
      s = s as ArchivedSnapshot;
      if (!s.sourceId || !s.observedAt || !Array.isArray(s.videos)) throw new Error(`interest archive line ${i + 1}: expected sourceId, observedAt and videos`);
      const out = await deps.interest.recordVideos({ sourceId: s.sourceId, studio: s.studio ?? null, channel: s.channel, videos: s.videos, observedAt: s.observedAt });
      snapshots++;
      counts += out.observations;
    }
    await deps.ledger.complete(key, { snapshots, counts });
    return { status: 'imported', snapshots, counts };
  } catch (err) {
    await deps.ledger.release(key).catch(() => {});
    throw err;
  }
}
