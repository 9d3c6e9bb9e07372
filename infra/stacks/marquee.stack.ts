// Stateless stack: the workspace parameter, monitoring and one construct per capability (crawl, analyze, digest, query).
import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { InfraConfig, SynthWorkspace } from '../config.js';
import { AnalyzeConstruct } from '../constructs/analyze.construct.js';
import { CrawlConstruct } from '../constructs/crawl.construct.js';
import { DigestConstruct } from '../constructs/digest.construct.js';
import { Monitoring } from '../constructs/monitoring.construct.js';
import { QueryConstruct } from '../constructs/query.construct.js';
import { SignInConstruct } from '../constructs/sign-in.construct.js';
import { WorkspaceSecret } from '../constructs/workspace-secret.construct.js';
import { importStorage } from './storage.stack.js';

export interface MarqueeStackProps extends StackProps {
  config: InfraConfig;
  workspace: SynthWorkspace;
}

/**
 * Everything that can be destroyed and redeployed without losing data. It reaches the storage
 * through the storage stack's named exports. Later capabilities (analyze, deliver, query) are
 * constructs added here, reusing MarqueeFunction, WorkQueue and Monitoring, and consuming
 * `crawl.analyzeQueue`.
 */
export class MarqueeStack extends Stack {
  readonly monitoring: Monitoring;
  readonly workspace: WorkspaceSecret;
  readonly crawl: CrawlConstruct;
  readonly analyze: AnalyzeConstruct;
  /** Present when the `mailFrom` context is set. */
  readonly digest?: DigestConstruct;
  readonly query: QueryConstruct;
  /** Present unless `signIn` is none: the Cognito user pool (or OIDC settings) the page and API sign in with. */
  readonly signIn?: SignInConstruct;

  constructor(scope: Construct, id: string, props: MarqueeStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { table, bucket } = importStorage(this, config.stackPrefix);
    this.monitoring = new Monitoring(this, 'Monitoring', { dashboardName: config.stackPrefix, alarmEmail: config.alarmEmail });
    this.workspace = new WorkspaceSecret(this, 'Workspace', { workspace: props.workspace });
    this.crawl = new CrawlConstruct(this, 'Crawl', { table, bucket, workspace: this.workspace, monitoring: this.monitoring, config });
    this.query = new QueryConstruct(this, 'Query', { table, workspace: this.workspace, monitoring: this.monitoring, config });
    if (config.signIn !== 'none') {
      this.signIn = new SignInConstruct(this, 'SignIn', { config, queryUrl: this.query.url.url });
      this.query.fn.useSignIn(this.signIn.parameterName);
    } else {
      Annotations.of(this).addWarningV2('marquee:no-sign-in', 'signIn=none: the page and API take API keys only (anyone with a key and the URL gets in); use the default -c signIn=cognito or -c signIn=oidc');
    }
    this.analyze = new AnalyzeConstruct(this, 'Analyze', {
      table,
      queue: this.crawl.analyzeQueue,
      workspace: this.workspace,
      monitoring: this.monitoring,
      config: { ...config, workspaceTokenBudget: props.workspace.workspace.analyst?.tokenBudget },
      publicUrl: this.query.url.url,
    });
    if (config.mailFrom) {
      this.digest = new DigestConstruct(this, 'Digest', {
        table,
        workspace: this.workspace,
        monitoring: this.monitoring,
        timezone: props.workspace.workspace.timezone,
        config: { ...config, mailFrom: config.mailFrom },
        publicUrl: this.query.url.url,
      });
      new CfnOutput(this, 'DigestFunctionName', { value: this.digest.fn.fn.functionName, description: 'invoke with {"week":"2026-W48"} to send or re-send a week' });
      new CfnOutput(this, 'SesIdentity', { value: this.digest.identityName, description: 'verify it (email link or DNS records) before the first digest' });
    } else {
      Annotations.of(this).addWarningV2('marquee:no-digest', 'no mailFrom context: the weekly digest function is not deployed (cdk deploy -c mailFrom=digest@your-domain)');
    }

    new CfnOutput(this, 'WorkspaceSecretName', { value: this.workspace.secret.secretName, description: 'the deployed workspace (KMS-encrypted); change it with cdk deploy' });
    new CfnOutput(this, 'CrawlQueueUrl', { value: this.crawl.crawlQueue.queue.queueUrl });
    new CfnOutput(this, 'AnalyzeQueueUrl', { value: this.crawl.analyzeQueue.queue.queueUrl });
    new CfnOutput(this, 'ReplayCrawlDlq', { value: this.crawl.crawlQueue.replayCommand, description: 'moves crawl dead letters back' });
    new CfnOutput(this, 'ReplayAnalyzeDlq', { value: this.crawl.analyzeQueue.replayCommand, description: 'moves analyze dead letters back' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
    if (!config.alarmEmail) {
      // Loud on purpose: without a subscriber every alarm above changes state in silence. `cdk synth --strict` makes it an error.
      Annotations.of(this).addWarningV2(
        'marquee:no-alarm-destination',
        `no alarmEmail context: the ${this.monitoring.alarms.length} alarms of this stack notify an SNS topic nobody is subscribed to. ` +
          'Deploy with -c alarmEmail=oncall@your-domain, or subscribe your own endpoint (chat, pager) to the AlarmTopicArn output.',
      );
    }
  }
}
