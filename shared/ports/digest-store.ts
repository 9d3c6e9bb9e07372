// Digest archive port: what each weekly digest said, so the query API and web page can show the latest one.
import type { Brief } from '../delivery/digest/build-brief.js';

export interface DigestRecord {
  workspace: string;
  week: string;
  subject: string;
  sentAt: string;
  messageId: string;
  brief: Brief;
}

export interface DigestStore {
  putDigest(record: DigestRecord): Promise<void>;
  /** The digest of the most recent week sent for a workspace, or null. */
  latestDigest(workspace: string): Promise<DigestRecord | null>;
  getDigest(workspace: string, week: string): Promise<DigestRecord | null>;
}
