// A work queue with its dead-letter queue (redrive after maxReceiveCount), both encrypted and TLS-only, and a DLQ alarm.
import { Duration, Fn } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Monitoring } from './monitoring.construct.js';

export interface WorkQueueProps {
  label: string;
  /** At least six times the consumer's timeout, as AWS advises for Lambda event sources. */
  visibilityTimeout: Duration;
  maxReceiveCount: number;
  retention?: Duration;
  monitoring: Monitoring;
}

export class WorkQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  /** The operator command that moves the dead letters back (printed in the DLQ alarm and the stack outputs). */
  readonly replayCommand: string;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'Dlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      retentionPeriod: props.retention ?? Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
    this.replayCommand = Fn.join('', [
      'npx tsx functions/lambda/replay-dlq.ts --queue ',
      this.deadLetterQueue.queueUrl,
      ' --to ',
      this.queue.queueUrl,
    ]);
    props.monitoring.watchDeadLetterQueue(this, this.deadLetterQueue, props.label, this.replayCommand);
  }
}
