// The Lambda environment contract: names of the resources a function was given, validated once per container.
import { z } from 'zod';
import { ConfigError } from '../../shared/config/errors.js';
import { formatIssues } from '../../shared/config/workspace-file.js';

/**
 * Every variable the AWS composition root reads. The CDK `MarqueeFunction` sets each together
 * with the grant on the resource it names, so a function only sees what it may touch.
 */
export const AwsEnv = z.object({
  TABLE_NAME: z.string().min(1).optional(),
  BUCKET_NAME: z.string().min(1).optional(),
  CRAWL_QUEUE_URL: z.string().url().optional(),
  ANALYZE_QUEUE_URL: z.string().url().optional(),
  WORKSPACE_PARAMETER: z.string().min(1).optional(),
  AWS_REGION: z.string().optional(),
  /** Honoured as the SDK does, so the same code runs against the embedded DynamoDB-protocol server in tests. */
  AWS_ENDPOINT_URL_DYNAMODB: z.string().url().optional(),
  AWS_ENDPOINT_URL_S3: z.string().url().optional(),
});
export type AwsEnv = z.infer<typeof AwsEnv>;

/** Which `MarqueeFunction` helper grants the resource each variable names (for the error message). */
const GRANTED_BY: Record<string, string> = {
  TABLE_NAME: 'useTable',
  BUCKET_NAME: 'useBucket',
  CRAWL_QUEUE_URL: 'sendsTo',
  ANALYZE_QUEUE_URL: 'sendsTo',
  WORKSPACE_PARAMETER: 'useWorkspace',
};

/** Parses the environment; an invalid value fails with one line naming the variable. */
export function parseAwsEnv(env: Record<string, string | undefined>): AwsEnv {
  const picked = Object.fromEntries(Object.keys(AwsEnv.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = AwsEnv.safeParse(picked);
  if (!result.success) throw new ConfigError(`lambda environment: ${formatIssues(result.error.issues)}`);
  return result.data;
}

/** The value of a resource variable this function needs, or a clear error saying it was not wired. */
export function required(env: AwsEnv, name: keyof typeof GRANTED_BY & keyof AwsEnv): string {
  const value = env[name];
  if (!value) {
    throw new ConfigError(`${name} is not set: this function was not given that resource (infra: fn.${GRANTED_BY[name]}(...))`);
  }
  return value;
}
