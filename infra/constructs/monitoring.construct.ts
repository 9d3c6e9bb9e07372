// Alarms and the dashboard: an encrypted SNS topic every alarm notifies, helpers to watch functions and dead-letter queues.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { MarqueeFunction } from './marquee-function.construct.js';

export interface MonitoringProps {
  dashboardName: string;
  /** Subscribed to the alarm topic when set. */
  alarmEmail?: string;
}

export interface AlarmProps {
  metric: cloudwatch.IMetric;
  description: string;
  threshold?: number;
  evaluationPeriods?: number;
}

/** The alarm topic (KMS-encrypted, TLS only) and the dashboard the capability constructs add to. */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Marquee alarm topic encryption',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch alarms publish to an encrypted topic only if the key lets them (the AWS-managed SNS key does not).
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'AlarmTopic', { displayName: 'Marquee alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(1),
    });
  }

  /** An alarm at `threshold` or above (default 1) that notifies the topic; missing data is not a breach. */
  alarm(scope: Construct, id: string, props: AlarmProps): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
      metric: props.metric,
      alarmDescription: props.description,
      threshold: props.threshold ?? 1,
      evaluationPeriods: props.evaluationPeriods ?? 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  /**
   * An alarm when `metric` (a Sum over `period`) has no data point of at least 1 for `periods`
   * periods in a row: missing data counts as breaching, so "nothing happened" is what alarms.
   */
  absenceAlarm(scope: Construct, id: string, props: { metric: cloudwatch.IMetric; description: string; periods: number }): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
      metric: props.metric,
      alarmDescription: props.description,
      threshold: 1,
      evaluationPeriods: props.periods,
      datapointsToAlarm: props.periods,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  /** Errors and throttles alarms for a function, plus a dashboard row of its invocations, errors and duration. */
  watchFunction(fn: MarqueeFunction, label: string): void {
    const period = Duration.minutes(5);
    this.alarm(fn, 'ErrorsAlarm', {
      metric: fn.fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
      description: `${label}: the function failed (see its log group ${fn.logGroup.logGroupName})`,
    });
    this.alarm(fn, 'ThrottlesAlarm', {
      metric: fn.fn.metricThrottles({ period, statistic: cloudwatch.Stats.SUM }),
      description: `${label}: invocations were throttled (account concurrency or reserved concurrency reached)`,
    });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: `${label}: invocations, errors, throttles`,
        left: [fn.fn.metricInvocations({ period }), fn.fn.metricErrors({ period }), fn.fn.metricThrottles({ period })],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: `${label}: duration`,
        left: [fn.fn.metricDuration({ period, statistic: cloudwatch.Stats.p(50) }), fn.fn.metricDuration({ period, statistic: cloudwatch.Stats.p(99) })],
        width: 12,
      }),
    );
  }

  /** Alarms as soon as one message sits in the dead-letter queue; the description says how to replay. */
  watchDeadLetterQueue(scope: Construct, dlq: sqs.IQueue, label: string, replayHint: string): void {
    this.alarm(scope, 'DlqAlarm', {
      metric: dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: cloudwatch.Stats.MAXIMUM }),
      description: `${label}: messages in the dead-letter queue. Fix the cause, then replay: ${replayHint}`,
    });
  }
}
