// Defaults of the fetch timeouts and caps, apart from the zod config schema so the Lambda runtime can use them without zod.

export interface FetchLimits {
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  fetchMaxRedirects: number;
}

/** The same defaults on a laptop (app-config.ts) and in Lambda (functions/aws/env.ts). */
export const FETCH_DEFAULTS: FetchLimits = {
  fetchTimeoutMs: 15_000,
  fetchMaxBytes: 5 * 1024 * 1024,
  fetchMaxRedirects: 5,
};
