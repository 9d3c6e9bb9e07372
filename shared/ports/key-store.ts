// API-key port: keys are stored as a hash of their secret, found by their public id.

export interface ApiKeyRecord {
  /** Public part of the key (also in the key itself): how a key is found without scanning. */
  id: string;
  name: string;
  /** sha256 of the secret part, base64url. */
  hash: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface KeyStore {
  putKey(record: ApiKeyRecord): Promise<void>;
  getKey(id: string): Promise<ApiKeyRecord | null>;
  listKeys(): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked (the record stays, for the audit trail); null when there is no such key. */
  revokeKey(id: string, at: string): Promise<ApiKeyRecord | null>;
  /** Records when a key was last used: kept apart from the key, so the query side may write it without being able to touch keys. */
  recordUse(id: string, at: string): Promise<void>;
  /** When each of these keys was last used, where known. */
  lastUsed(ids: string[]): Promise<Map<string, string>>;
}
