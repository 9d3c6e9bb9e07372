// Fetcher port: one conditional GET of a source URL, with typed, plain-words failures.

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  headers: Record<string, string>;
  body: Uint8Array;
  redirects: number;
}

export type FetchErrorCode =
  | 'bad_url'
  | 'unsupported_scheme'
  | 'blocked_address'
  | 'dns'
  | 'connect'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'network';

/** A failed fetch; `message` is one plain line fit for a source's health status. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FetchError';
  }
}

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
}
