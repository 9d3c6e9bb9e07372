// Digest archive port: what each weekly digest said, so the query API and web page can show the latest one.
import type { Brief } from '../model/brief.js';

export interface DigestRecord {
  workspace: string;
  week: string;
  subject: string;
  sentAt: string;
  messageId: string;
  /** The brief as archived: its top lines when the whole would not fit one record (see `truncated`). */
  brief: Brief;
  /** What the archive left out of the brief that was mailed ("box-office rows: 50 of 2700"), if anything. */
  truncated?: string[];
}

export interface DigestStore {
  putDigest(record: DigestRecord): Promise<void>;
  /** The digest of the most recent week sent for a workspace, or null. */
  latestDigest(workspace: string): Promise<DigestRecord | null>;
  getDigest(workspace: string, week: string): Promise<DigestRecord | null>;
}
