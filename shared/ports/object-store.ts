// Object-store port: raw response snapshots (S3 in AWS, a folder or an S3-protocol server locally).
export interface StoredObject {
  body: Uint8Array;
  contentType: string | null;
}

export interface ObjectStore {
  put(key: string, body: Uint8Array, contentType?: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  /** Keys under a prefix, in lexical order. */
  list(prefix: string): Promise<string[]>;
  delete(keys: string[]): Promise<number>;
}
