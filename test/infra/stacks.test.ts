// CDK template assertions: storage (table, bucket), crawl fan-out (schedule, queues, event source), roles, alarms, dashboard.
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { TABLE } from '../../shared/store/table.js';
import { validateWorkspace } from '../../shared/config/validate-workspace.js';
import { loadWorkspaceFile } from '../../shared/config/workspace-file.js';
import { asArray, iamStatements, resourcesOf, synth, FIXTURE_WORKSPACE, type Synthesized } from './support.js';

let s: Synthesized;
beforeAll(async () => {
  s = await synth();
});

const getAtt = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
function logicalIdOf(template: Synthesized['appTemplate'], type: string, match: (props: Record<string, unknown>, id: string) => boolean): string {
  const found = Object.entries(resourcesOf(template, type)).filter(([id, r]) => match(r.Properties ?? {}, id));
  expect(found, `one ${type} matching`).toHaveLength(1);
  return found[0]![0];
}

describe('StorageStack', () => {
  it('creates the single table on demand with PITR, TTL on expiresAt, encryption and the GSIs of shared/store/table.ts', () => {
    s.storageTemplate.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    s.storageTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      GlobalSecondaryIndexes: TABLE.indexes.map((ix) => ({
        IndexName: ix.name,
        KeySchema: [
          { AttributeName: ix.partitionKey, KeyType: 'HASH' },
          { AttributeName: ix.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
    s.storageTemplate.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('drops deletion protection and RETAIN when the context says so', async () => {
    const dev = await synth({ deletionProtection: 'false' });
    dev.storageTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
    dev.storageTemplate.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });

  it('keeps snapshots private, encrypted, TLS-only, access-logged and on a lifecycle to IA, Glacier IR and expiry', () => {
    const snapshots = logicalIdOf(s.storageTemplate, 'AWS::S3::Bucket', (p) => p.LoggingConfiguration !== undefined);
    s.storageTemplate.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'snapshots/' }),
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Status: 'Enabled',
            ExpirationInDays: 365,
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
              { StorageClass: 'GLACIER_IR', TransitionInDays: 90 },
            ],
          }),
          Match.objectLike({ Status: 'Enabled', ExpiredObjectDeleteMarker: true }),
        ],
      },
    });
    // Every bucket (snapshots and access logs) blocks public access and denies plain HTTP.
    for (const bucket of Object.values(resourcesOf(s.storageTemplate, 'AWS::S3::Bucket'))) {
      expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    }
    const policies = Object.values(resourcesOf(s.storageTemplate, 'AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const p of policies) {
      const statements = (p.Properties!.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
    const snapshotPolicy = policies.find((p) => JSON.stringify(p.Properties!.Bucket).includes(snapshots))!;
    expect(JSON.stringify(snapshotPolicy)).toContain('"s3:TlsVersion":1.2');
  });

  it('versions both buckets, expiring noncurrent versions and leftover delete markers', async () => {
    const buckets = Object.entries(resourcesOf(s.storageTemplate, 'AWS::S3::Bucket'));
    expect(buckets).toHaveLength(2);
    for (const [id, b] of buckets) {
      expect(b.Properties!.VersioningConfiguration, id).toEqual({ Status: 'Enabled' });
      const rules = (b.Properties!.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;
      // Every rule that expires current objects also expires what versioning keeps of them.
      for (const r of rules.filter((r) => r.ExpirationInDays !== undefined)) {
        expect(r, id).toMatchObject({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } });
      }
      expect(rules, id).toContainEqual(expect.objectContaining({ Status: 'Enabled', ExpiredObjectDeleteMarker: true }));
    }
    const short = await synth({ noncurrentVersionExpiryDays: '7' });
    short.storageTemplate.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: Match.anyValue(),
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 7 } })]) },
    });
  });

  it('exports the table and bucket under stable names for the stateless stack', () => {
    for (const name of ['Marquee-TableName', 'Marquee-SnapshotBucketName', 'Marquee-SnapshotBucketArn']) {
      s.storageTemplate.hasOutput('*', { Export: { Name: name } });
    }
  });
});

describe('MarqueeStack: crawl fan-out', () => {
  it('schedules the planner every N minutes from context, with a retry policy and a DLQ', async () => {
    const planner = logicalIdOf(s.appTemplate, 'AWS::Lambda::Function', (p) => String(p.Description).includes('enqueue one crawl message'));
    s.appTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: getAtt(planner),
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 900 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      },
    });
    const fast = await synth({ crawlEveryMinutes: '5' });
    fast.appTemplate.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(5 minutes)' });
  });

  it('retries a failed planner run twice within one period, then sends it to an encrypted failure queue with an alarm', async () => {
    const planner = logicalIdOf(s.appTemplate, 'AWS::Lambda::Function', (p) => String(p.Description).includes('enqueue one crawl message'));
    const failures = logicalIdOf(s.appTemplate, 'AWS::SQS::Queue', (_, id) => id.includes('PlannerFailure'));
    s.appTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: planner },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 900,
      DestinationConfig: { OnFailure: { Destination: getAtt(failures) } },
    });
    s.appTemplate.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    expect(JSON.stringify(resourcesOf(s.appTemplate, 'AWS::SQS::QueuePolicy'))).toContain(failures);
    const alarms = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    const onFailures = alarms.filter((a) => JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [failures, 'QueueName'] } }]));
    expect(onFailures).toHaveLength(1);
    expect(onFailures[0]).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(String(onFailures[0]!.AlarmDescription)).toMatch(/crawl planner/);
    // The planner's role may send to it (Lambda's destination uses the function's role).
    const role = (resourcesOf(s.appTemplate, 'AWS::Lambda::Function')[planner]!.Properties!.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
    const sends = iamStatements(s.appTemplate).filter((st) => st.policy.startsWith(role.replace(/Role[0-9A-F]{8}$/, '')) && asArray(st.Action).includes('sqs:SendMessage'));
    expect(JSON.stringify(sends.map((st) => st.Resource))).toContain(failures);
    const fast = await synth({ crawlEveryMinutes: '5' });
    fast.appTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 300 });
  });

  it('gives the crawl and analyze queues a DLQ with redrive after maxReceiveCount, all encrypted and TLS-only', () => {
    const queues = resourcesOf(s.appTemplate, 'AWS::SQS::Queue');
    const withRedrive = Object.entries(queues).filter(([, q]) => q.Properties?.RedrivePolicy);
    expect(withRedrive).toHaveLength(2);
    for (const [, q] of withRedrive) {
      const redrive = q.Properties!.RedrivePolicy as { deadLetterTargetArn: { 'Fn::GetAtt': [string, string] }; maxReceiveCount: number };
      expect(redrive.maxReceiveCount).toBe(3);
      expect(queues[redrive.deadLetterTargetArn['Fn::GetAtt'][0]], 'DLQ exists').toBeDefined();
    }
    for (const q of Object.values(queues)) expect(q.Properties?.SqsManagedSseEnabled).toBe(true);
    const policies = Object.values(resourcesOf(s.appTemplate, 'AWS::SQS::QueuePolicy'));
    expect(policies).toHaveLength(Object.keys(queues).length);
    for (const p of policies) expect(JSON.stringify(p)).toContain('"aws:SecureTransport":"false"');
  });

  it('feeds the crawl worker from the crawl queue, reporting batch item failures, small batches, bounded concurrency', () => {
    const crawlQueue = logicalIdOf(s.appTemplate, 'AWS::SQS::Queue', (_p, id) => /^CrawlCrawlQueue(?!Dlq)/.test(id));
    const worker = logicalIdOf(s.appTemplate, 'AWS::Lambda::Function', (p) => String(p.Description).includes('crawl one source'));
    s.appTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(crawlQueue),
      FunctionName: { Ref: worker },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 5,
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    // Visibility is six times the worker's timeout, so a slow batch is not delivered twice.
    const timeout = resourcesOf(s.appTemplate, 'AWS::Lambda::Function')[worker]!.Properties!.Timeout as number;
    expect(resourcesOf(s.appTemplate, 'AWS::SQS::Queue')[crawlQueue]!.Properties!.VisibilityTimeout).toBe(timeout * 6);
  });

  it('runs every function on Node 24 / arm64 with X-Ray, its own log group with retention, and the resource env vars', () => {
    const fns = resourcesOf(s.appTemplate, 'AWS::Lambda::Function');
    // Planner, crawl worker, analyze worker, query API (the digest function needs the mailFrom context: deliver.test.ts).
    expect(Object.keys(fns)).toHaveLength(4);
    for (const fn of Object.values(fns)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
      const env = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env).toMatchObject({ POWERTOOLS_METRICS_NAMESPACE: 'Marquee', WORKSPACE_PARAMETER: expect.anything(), WORKSPACE_VERSION: expect.stringMatching(/^[0-9a-f]{12}$/) });
    }
    for (const lg of Object.values(resourcesOf(s.appTemplate, 'AWS::Logs::LogGroup'))) expect(lg.Properties!.RetentionInDays).toBe(30);
    const byDescription = (text: string) => Object.values(fns).find((f) => String(f.Properties!.Description).includes(text))!;
    expect(Object.keys((byDescription('enqueue').Properties!.Environment as { Variables: object }).Variables)).toEqual(
      expect.arrayContaining(['TABLE_NAME', 'CRAWL_QUEUE_URL']),
    );
    const workerEnv = (byDescription('crawl one source').Properties!.Environment as { Variables: object }).Variables;
    expect(Object.keys(workerEnv)).toEqual(expect.arrayContaining(['TABLE_NAME', 'BUCKET_NAME', 'ANALYZE_QUEUE_URL']));
    expect(Object.keys(workerEnv)).not.toContain('CRAWL_QUEUE_URL');
  });

  it('keeps the validated workspace (recipients included) in a KMS-encrypted secret, not a plain SSM parameter', async () => {
    // The one plain parameter is the sign-in settings (issuer, client id, scopes: nothing secret, no workspace).
    const plain = Object.entries(resourcesOf(s.appTemplate, 'AWS::SSM::Parameter'));
    expect(plain.map(([id]) => id)).toEqual([expect.stringMatching(/^SignInSettings/)]);
    expect(JSON.stringify(plain[0]![1].Properties)).not.toMatch(/recipients|competitors|slate/);
    const secrets = Object.entries(resourcesOf(s.appTemplate, 'AWS::SecretsManager::Secret'));
    expect(secrets).toHaveLength(1);
    const [secretId, secret] = secrets[0]!;
    // No KmsKeyId: Secrets Manager encrypts with its AWS managed KMS key (aws/secretsmanager).
    expect(secret.Properties).not.toHaveProperty('KmsKeyId');
    expect(validateWorkspace(JSON.parse(secret.Properties!.SecretString as string), 'secret')).toEqual(await loadWorkspaceFile(FIXTURE_WORKSPACE));

    // Every function reads it through Parameter Store's reference path, with GetSecretValue on that one secret.
    const fns = resourcesOf(s.appTemplate, 'AWS::Lambda::Function');
    expect(Object.keys(fns)).toHaveLength(4);
    for (const [id, fn] of Object.entries(fns)) {
      const env = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(JSON.stringify(env.WORKSPACE_PARAMETER), id).toMatch(/^\{"Fn::Join":\["",\["\/aws\/reference\/secretsmanager\/",/);
      expect(JSON.stringify(env.WORKSPACE_PARAMETER), id).toContain(secretId);
      const role = (fn.Properties!.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
      const policies = Object.entries(resourcesOf(s.appTemplate, 'AWS::IAM::Policy'))
        .filter(([, p]) => (p.Properties!.Roles as Array<{ Ref: string }>).some((r) => r.Ref === role))
        .map(([pid]) => pid);
      const statements = iamStatements(s.appTemplate).filter((st) => policies.includes(st.policy));
      const reads = statements.filter((st) => asArray(st.Action).includes('secretsmanager:GetSecretValue'));
      expect(reads.map((st) => st.Resource), id).toEqual([{ Ref: secretId }]);
      const params = JSON.stringify(statements.filter((st) => asArray(st.Action).includes('ssm:GetParameter')).map((st) => st.Resource));
      expect(params, id).toContain('parameter/aws/reference/secretsmanager/');
      expect(params, id).toContain(secretId);
    }
  });

  it('stores a workspace over 8 KB gzip-compressed in the secret', async () => {
    const ws = await loadWorkspaceFile(FIXTURE_WORKSPACE);
    const big = { ...ws, sources: Array.from({ length: 60 }, (_, i) => ({ ...ws.sources[0]!, id: `feed-${i}`, name: `A long outlet name number ${i}` })) };
    const built = await synth({}, validateWorkspace(big, 'big'));
    const secret = Object.values(resourcesOf(built.appTemplate, 'AWS::SecretsManager::Secret'))[0]!;
    expect(Object.keys(JSON.parse(secret.Properties!.SecretString as string))).toEqual(['gzip']);
  });
});

describe('MarqueeStack: least privilege', () => {
  it('gives each function its own role, assumed by Lambda only, with no managed policies', () => {
    const fns = Object.values(resourcesOf(s.appTemplate, 'AWS::Lambda::Function'));
    const roles = fns.map((f) => JSON.stringify(f.Properties!.Role));
    expect(new Set(roles).size).toBe(fns.length);
    for (const f of fns) {
      const roleId = (f.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const role = resourcesOf(s.appTemplate, 'AWS::IAM::Role')[roleId]!;
      expect(role.Properties!.ManagedPolicyArns).toBeUndefined();
      expect(JSON.stringify(role.Properties!.AssumeRolePolicyDocument)).toContain('lambda.amazonaws.com');
    }
  });

  it('has no IAM statement with a wildcard action, and "*" resources only for X-Ray', () => {
    const statements = [...iamStatements(s.appTemplate), ...iamStatements(s.storageTemplate)];
    expect(statements.length).toBeGreaterThan(10);
    for (const st of statements) {
      for (const action of asArray(st.Action)) expect(action, `${st.policy}`).not.toContain('*');
      if (asArray(st.Resource).includes('*')) expect(asArray(st.Action).every((a) => a.startsWith('xray:'))).toBe(true);
    }
  });

  it('grants the planner only Query (table + gsi1) and the round writes, and the worker no Scan, no DeleteItem', () => {
    const statements = iamStatements(s.appTemplate);
    const dynamo = statements.filter((st) => asArray(st.Action).some((a) => a.startsWith('dynamodb:')));
    const planner = dynamo.find((st) => st.policy.startsWith('CrawlPlanner'))!;
    expect(asArray(planner.Action)).toEqual(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(JSON.stringify(planner.Resource)).toContain('/index/gsi1');
    expect(JSON.stringify(planner.Resource)).not.toContain('gsi2');
    const worker = dynamo.find((st) => st.policy.startsWith('CrawlWorker'))!;
    expect(asArray(worker.Action).sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    const s3 = statements.filter((st) => asArray(st.Action).some((a) => a.startsWith('s3:')));
    expect(s3.map((st) => [st.policy.slice(0, 11), st.Action])).toEqual([['CrawlWorker', 's3:PutObject']]);
    expect(JSON.stringify(s3[0]!.Resource)).toContain('/raw/*');
  });
});

describe('MarqueeStack: alarms and dashboard', () => {
  it('alarms on every DLQ holding a message, function errors and throttles, and sources failing for a day; all notify the topic', () => {
    const alarms = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    const topic = logicalIdOf(s.appTemplate, 'AWS::SNS::Topic', () => true);
    for (const a of alarms) expect(a.AlarmActions).toEqual([{ Ref: topic }]);
    const byMetric = (name: string) => alarms.filter((a) => a.MetricName === name);

    const dlqs = Object.entries(resourcesOf(s.appTemplate, 'AWS::SQS::Queue'))
      .filter(([id]) => /Dlq/.test(id))
      .map(([id]) => id);
    // crawl, analyze, crawl schedule and planner failures
    expect(dlqs).toHaveLength(4);
    const dlqAlarms = byMetric('ApproximateNumberOfMessagesVisible');
    expect(dlqAlarms.map((a) => JSON.stringify(a.Dimensions)).sort()).toEqual(
      dlqs.map((id) => JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }])).sort(),
    );
    for (const a of dlqAlarms) expect(a).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Statistic: 'Maximum' });

    expect(byMetric('Errors')).toHaveLength(4);
    expect(byMetric('Throttles')).toHaveLength(4);
    expect(byMetric('SourceFailingForADay')).toEqual([
      expect.objectContaining({ Namespace: 'Marquee', Dimensions: [{ Name: 'service', Value: 'crawl-source' }], Threshold: 1, TreatMissingData: 'notBreaching' }),
    ]);
  });

  it('encrypts the alarm topic with a rotating key CloudWatch may use, and builds a dashboard', () => {
    s.appTemplate.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    s.appTemplate.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'] })]) },
    });
    const dashboards = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties!.DashboardBody);
    for (const text of ['NewItems', 'ItemsHandedOff', 'SourceFailed', 'Dead-letter queues']) expect(body).toContain(text);
  });

  it('subscribes the alarm e-mail from context', async () => {
    const withEmail = await synth({ alarmEmail: 'oncall@example.com' });
    withEmail.appTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
    s.appTemplate.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
