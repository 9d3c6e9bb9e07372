// Assembles the Marquee CDK app (storage + stateless stacks) and registers cdk-nag; shared by infra/app.ts and the tests.
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { InfraConfig, SynthWorkspace } from './config.js';
import { MarqueeStack } from './stacks/marquee.stack.js';
import { StorageStack } from './stacks/storage.stack.js';

export const REQUIRED_FEATURE_FLAGS = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
} as const;

export interface MarqueeApp {
  storage: StorageStack;
  marquee: MarqueeStack;
}

/**
 * Adds both stacks to `app`. Account and region come from the CLI's environment when it has them,
 * otherwise the stacks stay environment-agnostic, so synth needs no credentials and no lookups.
 */
export function buildMarqueeApp(app: App, opts: { config: InfraConfig; workspace: SynthWorkspace; nag?: boolean }): MarqueeApp {
  // Behaviour the stacks rely on, fixed here rather than left to whichever cdk.json runs them:
  // S3 server access logs delivered through a bucket policy (no ACLs; the buckets enforce ownership).
  for (const [flag, value] of Object.entries(REQUIRED_FEATURE_FLAGS)) app.node.setContext(flag, value);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const { config } = opts;
  const storage = new StorageStack(app, `${config.stackPrefix}-Storage`, {
    env,
    config,
    description: 'Marquee stateful resources: single DynamoDB table, raw snapshot bucket',
    terminationProtection: config.deletionProtection,
  });
  const marquee = new MarqueeStack(app, `${config.stackPrefix}-App`, {
    env,
    config,
    workspace: opts.workspace,
    description: 'Marquee stateless resources: functions, queues, schedule, alarms, dashboard',
  });
  // The app stack imports the storage stack's exports, so it deploys after it.
  marquee.addStackDependency(storage);
  if (opts.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { storage, marquee };
}
