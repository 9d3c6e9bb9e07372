// cdk-nag AwsSolutions pack over both stacks: zero unsuppressed findings, every suppression named and reasoned.
import { beforeAll, describe, expect, it } from 'vitest';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { synth, type Synthesized } from './support.js';

let s: Synthesized;
beforeAll(async () => {
  s = await synth();
});

/** Every acknowledgement in a construct tree: rule id, construct path, reason. */
function acknowledgements(root: IConstruct): Array<{ id: string; path: string; reason: string }> {
  const out: Array<{ id: string; path: string; reason: string }> = [];
  for (const c of root.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, value] of Object.entries(entry.data as Record<string, unknown>)) {
        const reason = typeof value === 'string' ? value : String((value as { reason?: unknown })?.reason ?? '');
        out.push({ id: id.replace(/^annotation::/i, ''), path: c.node.path, reason });
      }
    }
  }
  return out;
}

/** The same pack with every acknowledgement ignored: what the rules find before suppression. */
function unsuppressedFindings(scope: IConstruct): Set<string> {
  const pack = new AwsSolutionsChecks(s.app);
  Object.defineProperty(pack, 'isAcknowledged', { value: () => false });
  const out = new Set<string>();
  for (const v of pack.validateScope(scope).violations) {
    for (const r of v.violatingResources) out.add(`${v.ruleName} @ ${r.constructPath}`);
  }
  return out;
}

describe('cdk-nag AwsSolutions', () => {
  it('is live: it reports an unencrypted-in-transit, unlogged bucket', () => {
    const app = new App();
    const stack = new Stack(app, 'Probe');
    new s3.Bucket(stack, 'Plain');
    const rules = new AwsSolutionsChecks(app).validateScope(stack).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });

  it('finds nothing unsuppressed in the storage stack', () => {
    const report = new AwsSolutionsChecks(s.app).validateScope(s.storage);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`)).toEqual([]);
  });

  it('finds nothing unsuppressed in the app stack', () => {
    const report = new AwsSolutionsChecks(s.app).validateScope(s.marquee);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`)).toEqual([]);
  });

  it('suppresses only these findings, each on one construct and with a reason', () => {
    const acks = acknowledgements(s.app);
    for (const a of acks) expect(a.reason.length, `${a.id} at ${a.path}`).toBeGreaterThan(30);
    expect(acks.map((a) => `${a.id} @ ${a.path}`).sort()).toEqual([
      'AwsSolutions-IAM5[Resource::*] @ Marquee-App/Analyze/Worker/Role',
      'AwsSolutions-IAM5[Resource::*] @ Marquee-App/Crawl/Planner/Role',
      'AwsSolutions-IAM5[Resource::*] @ Marquee-App/Crawl/Worker/Role',
      'AwsSolutions-IAM5[Resource::*] @ Marquee-App/Query/Fn/Role',
      'AwsSolutions-IAM5[Resource::Marquee-SnapshotBucketArn/raw/*] @ Marquee-App/Crawl/Worker/Role',
      'AwsSolutions-SMG4 @ Marquee-App/Workspace/Secret',
      'AwsSolutions-SQS3 @ Marquee-App/Crawl/PlannerFailureDlq',
      'AwsSolutions-SQS3 @ Marquee-App/Crawl/ScheduleDlq',
    ]);
  });

  it('has no stale suppression: each one silences a finding the rules really report', () => {
    const found = [...unsuppressedFindings(s.storage), ...unsuppressedFindings(s.marquee)];
    for (const a of acknowledgements(s.app)) {
      expect(found.some((f) => f.startsWith(`${a.id} @ ${a.path}/`) || f === `${a.id} @ ${a.path}`), `${a.id} @ ${a.path}`).toBe(true);
    }
  });
});
