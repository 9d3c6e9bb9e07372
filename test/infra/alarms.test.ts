// Synth: the alarms issue 14 asked for (token budget, LLM fallback rate, digest not sent by the hour after its slot) and
// the loud warning when the alarms have nowhere to go.
import { describe, expect, it } from 'vitest';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { digestCheckSlot } from '../../infra/constructs/digest.construct.js';
import { resourcesOf, synth } from './support.js';

type Props = Record<string, unknown>;
const alarms = (t: Awaited<ReturnType<typeof synth>>['appTemplate']) => Object.values(resourcesOf(t, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties as Props);
const notifiesTopic = (a: Props) => JSON.stringify(a.AlarmActions).includes('MonitoringAlarmTopic');

describe('alarm destination', () => {
  it('without alarmEmail, synth warns loudly and names the context key and the number of silent alarms', async () => {
    const s = await synth();
    const count = s.marquee.monitoring.alarms.length;
    expect(count).toBeGreaterThan(10);
    Annotations.fromStack(s.marquee).hasWarning('*', Match.stringLikeRegexp(`no alarmEmail context: the ${count} alarms of this stack notify an SNS topic nobody is subscribed to`));
    s.appTemplate.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('with alarmEmail, the topic has the subscription and there is no warning', async () => {
    const s = await synth({ alarmEmail: 'oncall@studio.example' });
    s.appTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@studio.example' });
    Annotations.fromStack(s.marquee).hasNoWarning('*', Match.stringLikeRegexp('no alarmEmail'));
  });
});

describe('LLM analyst alarms', () => {
  it('with a model configured: an alarm when the token budget stops analysis, and one on a high fallback rate', async () => {
    const s = await synth({ openaiSecretName: 'marquee/openai', tokenBudget: 50000, llmFallbackAlarmPercent: 30 });
    const all = alarms(s.appTemplate);
    const budget = all.filter((a) => a.MetricName === 'TokenBudgetFallbacks');
    expect(budget).toEqual([
      expect.objectContaining({ Namespace: 'Marquee', Dimensions: [{ Name: 'service', Value: 'analyze-items' }], Statistic: 'Sum', Period: 3600, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' }),
    ]);
    expect(String(budget[0]!.AlarmDescription)).toContain('50000 tokens per analyze message');
    const rate = all.filter((a) => JSON.stringify(a.Metrics ?? []).includes('LlmStories'));
    expect(rate).toHaveLength(1);
    expect(rate[0]).toMatchObject({ Threshold: 30, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    const metrics = rate[0]!.Metrics as Array<{ Id: string; Expression?: string; MetricStat?: { Metric: { MetricName: string }; Period: number; Stat: string } }>;
    expect(metrics.find((m) => m.Expression)?.Expression).toBe('IF(stories >= 10, 100 * (fallbacks - budget) / stories, 0)');
    expect(Object.fromEntries(metrics.filter((m) => m.MetricStat).map((m) => [m.Id, m.MetricStat!.Metric.MetricName]))).toEqual({
      stories: 'LlmStories',
      fallbacks: 'LlmFallbacks',
      budget: 'TokenBudgetFallbacks',
    });
    for (const a of [...budget, ...rate]) expect(notifiesTopic(a)).toBe(true);
    // The budget reaches the worker in the same variable a laptop uses.
    const worker = Object.values(resourcesOf(s.appTemplate, 'AWS::Lambda::Function')).find((f) => (f.Properties!.Description as string).includes('analyze new items'))!;
    expect((worker.Properties!.Environment as { Variables: Record<string, string> }).Variables.MARQUEE_TOKEN_BUDGET).toBe('50000');
  });

  it('without a model (embedded analyst) there are no LLM alarms and no budget variable', async () => {
    const s = await synth();
    expect(alarms(s.appTemplate).filter((a) => a.MetricName === 'TokenBudgetFallbacks' || JSON.stringify(a.Metrics ?? []).includes('LlmStories'))).toEqual([]);
    for (const f of Object.values(resourcesOf(s.appTemplate, 'AWS::Lambda::Function'))) {
      expect(JSON.stringify(f.Properties!.Environment ?? {})).not.toContain('MARQUEE_TOKEN_BUDGET');
    }
  });
});

describe('digest not sent by the hour after its slot', () => {
  it('a check schedule an hour after the weekly slot, in the same timezone, invokes the function with check: true', async () => {
    const s = await synth({ mailFrom: 'digest@studio.example', digestDay: 'FRI', digestHour: 7, digestMinute: 30 });
    const schedules = Object.values(resourcesOf(s.appTemplate, 'AWS::Scheduler::Schedule')).map((x) => x.Properties as Props & { Target: { Input: string; RetryPolicy: Props } });
    const digest = schedules.filter((x) => JSON.stringify(x.Target).includes('DigestFn'));
    expect(digest.map((x) => x.ScheduleExpression).sort()).toEqual(['cron(30 7 ? * FRI *)', 'cron(30 8 ? * FRI *)']);
    const check = digest.find((x) => x.ScheduleExpression === 'cron(30 8 ? * FRI *)')!;
    expect(check.ScheduleExpressionTimezone).toBe(digest.find((x) => x !== check)!.ScheduleExpressionTimezone);
    expect(JSON.parse(check.Target.Input)).toEqual({ check: true, scheduledTime: '<aws.scheduler.scheduled-time>' });
    expect(check.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
  });

  it('alarms on DigestMissing (emitted by the check) at once, and keeps the 7-day DigestDelivered backstop', async () => {
    const s = await synth({ mailFrom: 'digest@studio.example' });
    const all = alarms(s.appTemplate);
    const missing = all.filter((a) => a.MetricName === 'DigestMissing');
    expect(missing).toEqual([
      expect.objectContaining({ Namespace: 'Marquee', Dimensions: [{ Name: 'service', Value: 'send-digest' }], Statistic: 'Sum', Period: 3600, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' }),
    ]);
    expect(JSON.stringify(missing[0]!.AlarmDescription)).toMatch(/due MON 08:00 [^ ]+ was not sent by MON 09:00/);
    expect(notifiesTopic(missing[0]!)).toBe(true);
    expect(all.filter((a) => a.MetricName === 'DigestDelivered')).toEqual([expect.objectContaining({ Period: 3600, EvaluationPeriods: 168, TreatMissingData: 'breaching' })]);
  });

  it('the check slot rolls over midnight and the end of the week', () => {
    expect(digestCheckSlot({ day: 'MON', hour: 8, minute: 0 })).toEqual({ day: 'MON', hour: 9, minute: 0 });
    expect(digestCheckSlot({ day: 'TUE', hour: 23, minute: 30 })).toEqual({ day: 'WED', hour: 0, minute: 30 });
    expect(digestCheckSlot({ day: 'SUN', hour: 23, minute: 0 })).toEqual({ day: 'MON', hour: 0, minute: 0 });
  });
});
