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
}
