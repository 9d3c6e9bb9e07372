// CDK assertions for the analyze worker and the weekly digest with every option on: schedule in the workspace's timezone, queues, secrets, SES, roles, alarms, cdk-nag.
import { beforeAll, describe, expect, it } from 'vitest';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readInfraConfig } from '../../infra/config.js';
import { asArray, iamStatements, resourcesOf, synth, type Synthesized } from './support.js';

const FULL = { mailFrom: 'digest@studio.example', openaiSecretName: 'marquee/openai', slackWebhookSecretName: 'marquee/slack', digestDay: 'FRI', digestHour: '9', digestMinute: '30' };

let s: Synthesized;
beforeAll(async () => {
  s = await synth(FULL);
});

type Fn = { Properties: Record<string, unknown> };
const functions = () => Object.entries(resourcesOf(s.appTemplate, 'AWS::Lambda::Function')) as Array<[string, Fn]>;
const fnId = (text: string) => functions().find(([, f]) => String(f.Properties.Description).includes(text))![0];
const roleOf = (id: string) => ((functions().find(([fid]) => fid === id)![1].Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!);
/** Actions granted to a role, without logs, X-Ray and the SQS event source's consume actions. */
function actionsOf(roleId: string): string[] {
  const policies = Object.entries(resourcesOf(s.appTemplate, 'AWS::IAM::Policy'))
    .filter(([, p]) => (p.Properties!.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
    .map(([id]) => id);
  return [
    ...new Set(
      iamStatements(s.appTemplate)
        .filter((st) => policies.includes(st.policy))
        .flatMap((st) => asArray(st.Action))
        .filter((a) => !/^(logs|xray):/.test(a) && !['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'].includes(a)),
    ),
  ].sort();
}
function statementsOf(roleId: string) {
  const policies = Object.entries(resourcesOf(s.appTemplate, 'AWS::IAM::Policy'))
    .filter(([, p]) => (p.Properties!.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
    .map(([id]) => id);
  return iamStatements(s.appTemplate).filter((st) => policies.includes(st.policy));
}

describe('weekly digest', () => {
  it("schedules the digest weekly at the workspace's local time, with its timezone, a retry policy and a DLQ", () => {
    const digest = fnId('weekly digest');
    s.appTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 9 ? * FRI *)',
      ScheduleExpressionTimezone: 'America/Los_Angeles',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [digest, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('DigestScheduleDlq'), 'Arn'] } },
      }),
    });
  });

  it('creates the SES identity and lets only the digest role send, only as that identity', () => {
    s.appTemplate.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'digest@studio.example' });
    const role = roleOf(fnId('weekly digest'));
    const ses = statementsOf(role).filter((st) => asArray(st.Action).some((a) => a.startsWith('ses:')));
    expect(ses).toHaveLength(1);
    expect(asArray(ses[0]!.Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(JSON.stringify(ses[0]!.Resource)).toContain(':identity/digest@studio.example');
    expect(actionsOf(role)).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      // The workspace secret only.
      'secretsmanager:GetSecretValue',
      'ses:SendEmail',
      'ses:SendRawEmail',
      // Only to its failure queue (the async on-failure destination).
      'sqs:SendMessage',
      'ssm:GetParameter',
    ]);
    for (const [id] of functions().filter(([fid]) => fid !== fnId('weekly digest'))) {
      expect(actionsOf(roleOf(id)).filter((a) => a.startsWith('ses:')), id).toEqual([]);
    }
    const env = (functions().find(([id]) => id === fnId('weekly digest'))![1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.MAIL_FROM).toBe('digest@studio.example');
  });

  it("passes the scheduled time to the function (the same on every retry, so a retry may take over its crashed attempt's claim)", () => {
    const digest = fnId('weekly digest');
    const schedule = Object.values(resourcesOf(s.appTemplate, 'AWS::Scheduler::Schedule')).find((x) => JSON.stringify(x.Properties!.Target).includes(digest))!.Properties!;
    const input = JSON.parse((schedule.Target as { Input: string }).Input);
    expect(input).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
  });

  it('alarms when a week passes without a digest: DigestDelivered missing for 7 days and an hour, missing data breaching', () => {
    const alarms = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    const missing = alarms.filter((a) => a.MetricName === 'DigestDelivered');
    expect(missing).toEqual([
      expect.objectContaining({
        Namespace: 'Marquee',
        Dimensions: [{ Name: 'service', Value: 'send-digest' }],
        Statistic: 'Sum',
        Period: 3600,
        // 168 hourly periods: the alarm fires an hour after the slot of last week's digest passes without this week's.
        EvaluationPeriods: 168,
        DatapointsToAlarm: 168,
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
      }),
    ]);
    expect(JSON.stringify(missing[0]!.AlarmDescription)).toMatch(/no weekly digest/i);
  });

  it('sends failed digest invocations to a failure queue after two retries', () => {
    s.appTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('DigestFailureQueue'), 'Arn'] } } },
    });
  });

  it('is left out, with a warning, when mailFrom is not set', async () => {
    const plain = await synth();
    expect(plain.marquee.digest).toBeUndefined();
    plain.appTemplate.resourceCountIs('AWS::SES::EmailIdentity', 0);
    Annotations.fromStack(plain.marquee).hasWarning('*', Match.stringLikeRegexp('no mailFrom context'));
  });

  it('refuses an SES identity that cannot send as mailFrom', () => {
    const ctx = (c: Record<string, unknown>) => (k: string) => c[k];
    expect(() => readInfraConfig(ctx({ mailFrom: 'a@x.example', sesIdentity: 'y.example' }))).toThrow(/sesIdentity: must be mailFrom itself or the domain of mailFrom/);
    expect(readInfraConfig(ctx({ mailFrom: 'a@x.example', sesIdentity: 'x.example' })).sesIdentity).toBe('x.example');
    expect(() => readInfraConfig(ctx({ analyst: 'llm' }))).toThrow(/analyst: llm needs openaiSecretName or openaiBaseUrl/);
  });
});

describe('analyze worker', () => {
  it('consumes the analyze queue (DLQ after maxReceiveCount) with partial batch failures, bounded concurrency', () => {
    const worker = fnId('analyze new items');
    const queues = resourcesOf(s.appTemplate, 'AWS::SQS::Queue');
    const [queueId, queue] = Object.entries(queues).find(([id]) => /^CrawlAnalyzeQueue[0-9A-F]{8}$/.test(id))!;
    expect(queue.Properties!.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [expect.stringMatching(/AnalyzeQueueDlq/), 'Arn'] }, maxReceiveCount: 3 });
    expect(queue.Properties!.VisibilityTimeout).toBe(900);
    s.appTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: worker },
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    const fn = functions().find(([id]) => id === worker)![1].Properties;
    // Within a sixth of the queue's visibility timeout.
    expect(fn.Timeout).toBeLessThanOrEqual(150);
  });

  it('reads the OpenAI and Slack secrets (and nothing else of Secrets Manager), the table and the workspace', () => {
    const role = roleOf(fnId('analyze new items'));
    expect(actionsOf(role)).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'secretsmanager:GetSecretValue',
      'ssm:GetParameter',
    ]);
    const secretStatements = statementsOf(role).filter((st) => asArray(st.Action).includes('secretsmanager:GetSecretValue'));
    const resources = JSON.stringify(secretStatements.map((st) => st.Resource));
    expect(resources).toContain('secret:marquee/openai');
    expect(resources).toContain('secret:marquee/slack');
    const ssm = JSON.stringify(statementsOf(role).filter((st) => asArray(st.Action).includes('ssm:GetParameter')).map((st) => st.Resource));
    expect(ssm).toContain('parameter/aws/reference/secretsmanager/marquee/openai');
    expect(ssm).toContain('parameter/aws/reference/secretsmanager/marquee/slack');
    const env = (functions().find(([id]) => id === fnId('analyze new items'))![1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env).toMatchObject({ OPENAI_SECRET_NAME: 'marquee/openai', SLACK_SECRET_NAME: 'marquee/slack', MARQUEE_ANALYST: 'auto', MARQUEE_MODEL: 'gpt-4o-mini' });
    // Every other function reads the workspace secret and no other secret.
    const workspaceSecret = Object.keys(resourcesOf(s.appTemplate, 'AWS::SecretsManager::Secret'));
    expect(workspaceSecret).toHaveLength(1);
    for (const [id] of functions().filter(([fid]) => fid !== fnId('analyze new items') && fid !== fnId('query API'))) {
      const reads = statementsOf(roleOf(id)).filter((st) => asArray(st.Action).some((a) => a.startsWith('secretsmanager:')));
      expect(reads.map((st) => st.Resource), id).toEqual([{ Ref: workspaceSecret[0] }]);
    }
    // The query function reads the OpenAI secret (its LLM agent), never the Slack webhook.
    const query = JSON.stringify(statementsOf(roleOf(fnId('query API'))).map((st) => st.Resource));
    expect(query).toContain('secret:marquee/openai');
    expect(query).not.toContain('marquee/slack');
  });
});

describe('query API', () => {
  it('serves the app from a Function URL (keys checked by the app), read-only on the table, with bounded concurrency', () => {
    const id = fnId('query API');
    s.appTemplate.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', InvokeMode: 'BUFFERED', TargetFunctionArn: { 'Fn::GetAtt': [id, 'Arn'] } });
    const fn = functions().find(([fid]) => fid === id)![1].Properties;
    expect(fn.ReservedConcurrentExecutions).toBe(10);
    expect((fn.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      MARQUEE_API_RATE_LIMIT: '120',
      MARQUEE_API_CACHE_SECONDS: '10',
      OPENAI_SECRET_NAME: 'marquee/openai',
      TABLE_NAME: expect.anything(),
    });
    expect(actionsOf(roleOf(id))).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'secretsmanager:GetSecretValue',
      'ssm:GetParameter',
    ]);
    // Writes only to answers, flags, brief reviews, key use and the shared rate-limit counters: the LeadingKeys condition names those partitions.
    const writes = statementsOf(roleOf(id)).filter((st) => asArray(st.Action).includes('dynamodb:PutItem'));
    expect(writes).toHaveLength(1);
    expect(asArray(writes[0]!.Action).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect((writes[0] as unknown as { Condition: unknown }).Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ANSWER#*', 'FLAG#*', 'BRIEF#*', 'KEYUSE#*', 'RATE#*'] } });
  });
});

describe('signed links', () => {
  it('with linkSecretName, the query API, the analyze worker and the digest read the link secret, and alerts and digests link to the query URL', async () => {
    const linked = await synth({ linkSecretName: 'marquee/links', mailFrom: 'digest@studio.example' });
    const fns = Object.values(resourcesOf(linked.appTemplate, 'AWS::Lambda::Function')).map((f) => f.Properties!);
    const env = (text: string) => (fns.find((f) => String(f.Description).includes(text))!.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env('query API').LINK_SECRET_NAME).toBe('marquee/links');
    expect(env('analyze new items')).toMatchObject({ LINK_SECRET_NAME: 'marquee/links', PUBLIC_URL: { 'Fn::GetAtt': [expect.stringMatching(/^QueryFnFunctionUrl/), 'FunctionUrl'] } });
    expect(env('weekly digest')).toMatchObject({ LINK_SECRET_NAME: 'marquee/links', PUBLIC_URL: { 'Fn::GetAtt': [expect.stringMatching(/^QueryFnFunctionUrl/), 'FunctionUrl'] } });
    expect(env('crawl one source').LINK_SECRET_NAME).toBeUndefined();
  });
});

describe('every function, alarms, dashboard, cdk-nag (all options on)', () => {
  it('gives each of the five functions its own role, no wildcard action and no "*" resource beyond X-Ray', () => {
    const fns = functions();
    expect(fns).toHaveLength(5);
    expect(new Set(fns.map(([id]) => roleOf(id))).size).toBe(5);
    for (const st of iamStatements(s.appTemplate)) {
      for (const a of asArray(st.Action)) expect(a, st.policy).not.toMatch(/\*/);
      if (asArray(st.Resource as string).includes('*')) expect(asArray(st.Action).every((a) => a.startsWith('xray:')), st.policy).toBe(true);
    }
  });

  it('alarms on every dead-letter queue, on errors and throttles of every function, on failed alerts and sources failing for a day', () => {
    const alarms = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    const dlqIds = Object.keys(resourcesOf(s.appTemplate, 'AWS::SQS::Queue')).filter((id) => /Dlq|FailureQueue/.test(id));
    // crawl, analyze, crawl schedule, planner failures, digest schedule, digest failures
    expect(dlqIds).toHaveLength(6);
    const dlqAlarmed = alarms
      .filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((a) => ((a.Dimensions as Array<{ Value: { 'Fn::GetAtt': string[] } }>)[0]!.Value['Fn::GetAtt'][0]));
    expect(dlqAlarmed.sort()).toEqual(dlqIds.sort());
    for (const metric of ['Errors', 'Throttles']) {
      const fnsAlarmed = alarms.filter((a) => a.MetricName === metric).map((a) => (a.Dimensions as Array<{ Value: { Ref: string } }>)[0]!.Value.Ref);
      expect(fnsAlarmed.sort()).toEqual(functions().map(([id]) => id).sort());
    }
    expect(alarms.filter((a) => a.MetricName === 'SourceFailingForADay')).toHaveLength(1);
    expect(alarms.filter((a) => a.MetricName === 'AlertsFailed')).toEqual([expect.objectContaining({ Namespace: 'Marquee', Dimensions: [{ Name: 'service', Value: 'analyze-items' }] })]);
  });

  it('puts crawl, analysis and digest on one dashboard', () => {
    const dashboards = Object.values(resourcesOf(s.appTemplate, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties!.DashboardBody);
    for (const title of ['## Crawl', '## Analyze and alerts', '## Digest', 'ItemsAnalyzed', 'DigestsSent', 'analyze worker: invocations, errors, throttles']) expect(body).toContain(title);
  });

  it('has zero unsuppressed cdk-nag AwsSolutions findings in either stack', () => {
    for (const stack of [s.storage, s.marquee]) {
      const report = new AwsSolutionsChecks(s.app).validateScope(stack);
      expect(report.violations.map((v) => `${v.severity} ${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`)).toEqual([]);
    }
  });
});
